using System.Net.Sockets;
using CloudOMS.Silo.Persistence;
using Npgsql;
using Orleans.Runtime;

namespace CloudOMS.Grains.Tests.Persistence;

/// <summary>Which errors mean "the database is away, retry later" (503) and which are bugs (500).</summary>
public sealed class DatabaseFailureTests
{
    private static NpgsqlException Refused() => new("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));

    private static PostgresException Server(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    public static TheoryData<string, Exception> Unavailable() => new()
    {
        { "connection refused", Refused() },
        { "grain storage read inside Orleans", new OrleansException("Error from storage provider", Refused()) },
        { "server shutting down (57P01)", Server("57P01") },
        { "server starting up (57P03)", Server("57P03") },
        { "too many connections (53300)", Server("53300") },
        { "EF Core's transient-failure wrapper", new InvalidOperationException("transient failure", Server("57P01")) },
        { "grain call timeout", new TimeoutException("Response did not arrive on time") },
        { "one of several", new AggregateException(new InvalidOperationException("other"), Refused()) },
    };

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void A_database_that_is_away_counts_as_unavailable(string what, Exception error) =>
        Assert.True(DatabaseFailure.IsUnavailable(error), what);

    [Fact]
    public void Errors_in_our_own_SQL_or_code_are_not_outages()
    {
        Assert.False(DatabaseFailure.IsUnavailable(Server("42P01")));
        Assert.False(DatabaseFailure.IsUnavailable(new OrleansException("wrapped", Server("23505"))));
        Assert.False(DatabaseFailure.IsUnavailable(new InvalidOperationException("a bug")));
    }

    [Fact]
    public void Grain_storage_gets_short_timeouts_unless_the_connection_string_sets_them()
    {
        using var defaults = StorageBackend.CreatePostgres("Host=127.0.0.1;Username=u;Database=d", writers: 8);
        var given = new NpgsqlConnectionStringBuilder(defaults.ConnectionString);
        Assert.Equal((3, 3, -1), (given.Timeout, given.CommandTimeout, given.CancellationTimeout));

        using var chosen = StorageBackend.CreatePostgres("Host=127.0.0.1;Username=u;Database=d;Timeout=20;Command Timeout=60;CancellationTimeout=5000", writers: 8);
        var kept = new NpgsqlConnectionStringBuilder(chosen.ConnectionString);
        Assert.Equal((20, 60, 5000), (kept.Timeout, kept.CommandTimeout, kept.CancellationTimeout));
    }
}
