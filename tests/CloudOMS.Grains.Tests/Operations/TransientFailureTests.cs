using CloudOMS.Silo.Operations;
using CloudOMS.Texts;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime.Messaging;
using Orleans.Serialization;

namespace CloudOMS.Grains.Tests.Operations;

/// <summary>
/// Which failures pass (503 with Retry-After at the HTTP edge) and why, and which are bugs (500). A silo that died,
/// a database that is away, a write of unknown outcome and a deadline are each told apart, also after the error
/// crossed from a silo to an Orleans client, where Npgsql's exceptions arrive rebuilt without their fields.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class TransientFailureTests(SharedClusters clusters)
{
    public static TheoryData<string, Exception, TransientCause> Failures() => new()
    {
        { "silo declared dead", new SiloUnavailableException("silo S127.0.0.1:11111:1 is dead"), TransientCause.ClusterNode },
        { "no connection to a silo", new ConnectionFailedException("Unable to connect to S127.0.0.1:11111:1"), TransientCause.ClusterNode },
        { "gateway overloaded", new GatewayTooBusyException(), TransientCause.ClusterNode },
        { "request deadline", new TimeoutException("Grain call Approve did not finish within the request's 4 s"), TransientCause.Timeout },
        { "write of unknown outcome", new OutcomeUnknownException(Text.Verbatim("the write failed; please retry")), TransientCause.OutcomeUnknown },
        { "database refused, wrapped by grain storage", new OrleansException("Error from storage provider", FaultyStorage.DatabaseAway()), TransientCause.Database },
        { "a bug", new InvalidOperationException("a bug"), TransientCause.None },
        { "a unique violation", new PostgresException("duplicate key", "ERROR", "ERROR", "23505"), TransientCause.None },
        { "a refusal", CommandException.Conflict(ErrorCodes.InsufficientStock, Text.Verbatim("insufficient stock")), TransientCause.None },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_failure_has_its_cause(string what, Exception error, TransientCause cause) =>
        Assert.True(cause == TransientFailure.Of(error), $"{what}: expected {cause}, got {TransientFailure.Of(error)}");

    public static TheoryData<string, Exception, TransientCause> SentAcrossTheWire() => new()
    {
        { "connection refused", FaultyStorage.DatabaseAway(), TransientCause.Database },
        { "server shut down (57P01)", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"), TransientCause.Database },
        { "server starting (57P03)", new OrleansException("Error from storage provider", new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03")), TransientCause.Database },
        { "unique violation", new PostgresException("duplicate key", "ERROR", "ERROR", "23505"), TransientCause.None },
        { "silo gone", new SiloUnavailableException("silo is dead"), TransientCause.ClusterNode },
    };

    [Theory]
    [MemberData(nameof(SentAcrossTheWire))]
    public void A_failure_keeps_its_cause_after_the_Orleans_serializer_rebuilt_it_on_the_other_side(string what, Exception error, TransientCause cause)
    {
        using var services = new ServiceCollection().AddSerializer()
            .Configure<ExceptionSerializationOptions>(CloudOMS.Silo.Persistence.DatabaseFailure.CrossTheWire).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();

        var rebuilt = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(error))!;

        Assert.True(cause == TransientFailure.Of(rebuilt), $"{what}: arrived as {rebuilt.GetType().Name} ({rebuilt.Message}), read as {TransientFailure.Of(rebuilt)}");
    }

    [Fact]
    public void A_silo_that_cannot_serialize_the_connection_error_still_answers_with_the_database_being_away()
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();

        var noCodec = Assert.Throws<CodecNotFoundException>(() => serializer.SerializeToArray<Exception>(FaultyStorage.DatabaseAway()));

        Assert.Equal(TransientCause.Database, TransientFailure.Of(noCodec));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_database_error_in_a_silo_reaches_the_client_as_the_database_being_away(StorageProvider provider)
    {
        var oms = await clusters.For(provider);
        var tenant = await TestTenant.Create(oms.Grains, ("WH1", 1));
        var warehouse = oms.Grains.Warehouse(tenant, "WH1");

        Exception writing, activating;
        using (FaultyStorage.Arm(new FaultPlan(StorageNames.Warehouse, GrainKeys.Warehouse(tenant, "WH1"), FaultMode.DatabaseAway)))
            writing = await Assert.ThrowsAnyAsync<Exception>(() => warehouse.Update(new WarehouseDraft("WH1 仓", "山东省", "临沂市", "罗庄区", 1)));
        using (FaultyStorage.Arm(new FaultPlan(StorageNames.Sku, GrainKeys.Sku(tenant, "NEW"), FaultMode.DatabaseAway)))
            activating = await Assert.ThrowsAnyAsync<Exception>(() => oms.Grains.Sku(tenant, "NEW").Get());

        Assert.True(TransientFailure.Of(writing) == TransientCause.Database, $"a failed write arrived as {writing}");
        Assert.True(TransientFailure.Of(activating) == TransientCause.Database, $"a failed activation arrived as {activating}");
        Assert.Equal("罗庄区", (await warehouse.Update(new WarehouseDraft("WH1 仓", "山东省", "临沂市", "罗庄区", 1))).Address);
    }
}
