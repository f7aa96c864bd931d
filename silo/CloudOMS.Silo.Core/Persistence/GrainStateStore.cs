using System.Data.Common;

namespace CloudOMS.Silo.Persistence;

/// <summary>A stored grain state row as the projection reads it.</summary>
public sealed record StoredState(string StateName, string GrainKey, byte[]? Payload, int Version, long ChangeSeq);

/// <summary>Direct reads of the grain storage table: the projection's change feed and size checks.</summary>
public sealed class GrainStateStore(StorageBackend backend, string serviceId)
{
    private readonly DbDataSource dataSource = backend.DataSource;

    public DbDataSource DataSource => dataSource;

    /// <summary>
    /// The changes after <paramref name="after"/> in ChangeSeq order: about <paramref name="limit"/> rows, and never a
    /// page that ends inside one ChangeSeq. On PostgreSQL every row a transaction writes carries that transaction's id
    /// (a batch of many grains' writes), and the reader continues after the last ChangeSeq it saw, so a page cut
    /// inside a transaction's rows would skip the rest: a full page also holds every other row of its last ChangeSeq.
    /// </summary>
    public async Task<IReadOnlyList<StoredState>> ReadChanges(long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var changes = "FROM OrleansStorage WHERE ServiceId = @service AND ChangeSeq > @after" + backend.ChangeFeedHorizon;
        command.CommandText =
            "SELECT GrainTypeString, GrainIdExtensionString, PayloadBinary, Version, ChangeSeq " + changes +
            " AND ChangeSeq <= (SELECT MAX(ChangeSeq) FROM (SELECT ChangeSeq " + changes + " ORDER BY ChangeSeq LIMIT @limit) page)" +
            " ORDER BY ChangeSeq, GrainTypeString, GrainIdExtensionString";
        Add(command, "@service", serviceId);
        Add(command, "@after", after);
        Add(command, "@limit", limit);
        var rows = new List<StoredState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows.Add(Row(reader));
        return rows;
    }

    /// <summary>One grain's stored state as it is now, or null when there is no row.</summary>
    public async Task<StoredState?> ReadOne(string stateName, string grainKey, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT GrainTypeString, GrainIdExtensionString, PayloadBinary, Version, ChangeSeq FROM OrleansStorage " +
            "WHERE ServiceId = @service AND GrainTypeString = @state AND GrainIdExtensionString = @key";
        Add(command, "@service", serviceId);
        Add(command, "@state", stateName);
        Add(command, "@key", grainKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Row(reader) : null;
    }

    private static StoredState Row(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : (byte[])reader.GetValue(2),
        Convert.ToInt32(reader.GetValue(3)),
        Convert.ToInt64(reader.GetValue(4)));

    /// <summary>The newest change sequence written for this service (0 when nothing is stored yet).</summary>
    public async Task<long> ReadHead(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(ChangeSeq), 0) FROM OrleansStorage WHERE ServiceId = @service";
        Add(command, "@service", serviceId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>Bytes stored for one grain's state, or null when it has none.</summary>
    public async Task<int?> PayloadSize(string stateName, string grainKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT length(PayloadBinary) FROM OrleansStorage WHERE ServiceId = @service AND GrainTypeString = @state AND GrainIdExtensionString = @key";
        Add(command, "@service", serviceId);
        Add(command, "@state", stateName);
        Add(command, "@key", grainKey);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt32(value);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
