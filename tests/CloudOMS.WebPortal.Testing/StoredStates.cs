using System.Data.Common;
using System.Text.Json.Nodes;
using CloudOMS.Silo.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CloudOMS.WebPortal.Testing;

/// <summary>
/// Rewrites a stored grain state past every check of the product, the way a bug, an old version or a hand-edited
/// row would leave it: the payload replaced, the version and change sequence moved on as the storage scripts do, so
/// the read model's projection picks the row up like any grain write.
/// </summary>
public static class StoredStates
{
    public static async Task<JsonNode> Read(PortalFactory portal, string stateName, string grainKey)
    {
        await using var command = Store(portal).DataSource.CreateCommand(
            "SELECT PayloadBinary FROM OrleansStorage WHERE GrainTypeString = @state AND GrainIdExtensionString = @key");
        Add(command, "@state", stateName);
        Add(command, "@key", grainKey);
        var payload = await command.ExecuteScalarAsync() as byte[] ?? throw new InvalidOperationException($"No stored {stateName} {grainKey}");
        return JsonNode.Parse(payload)!;
    }

    public static Task Overwrite(PortalFactory portal, string stateName, string grainKey, JsonNode state) =>
        Overwrite(portal, stateName, grainKey, System.Text.Encoding.UTF8.GetBytes(state.ToJsonString()));

    public static async Task Overwrite(PortalFactory portal, string stateName, string grainKey, byte[] payload)
    {
        var dataSource = Store(portal).DataSource;
        // One statement, as the provider's own write: SQLite's single writer and PostgreSQL's transaction id order it.
        var nextSeq = dataSource.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal)
            ? "pg_current_xact_id()::text::bigint"
            : "(SELECT MAX(ChangeSeq) FROM OrleansStorage) + 1";
        await using var command = dataSource.CreateCommand(
            $"UPDATE OrleansStorage SET PayloadBinary = @payload, Version = Version + 1, ChangeSeq = {nextSeq} " +
            "WHERE GrainTypeString = @state AND GrainIdExtensionString = @key");
        Add(command, "@payload", payload);
        Add(command, "@state", stateName);
        Add(command, "@key", grainKey);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static GrainStateStore Store(PortalFactory portal) => portal.Services.GetRequiredService<GrainStateStore>();

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
