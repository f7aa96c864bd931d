using CloudOMS.LoadTests.Infrastructure;
using CloudOMS.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CloudOMS.LoadTests.Targets;

/// <summary>
/// The <c>inproc</c> target: the product's own silo (SiloProgram, the same storage, projection and background
/// work as production) co-hosted in this process, on SQLite in a fresh data folder or on PostgreSQL. It can be
/// restarted on the same storage, so a run's results are checked against what was written, not what is in memory.
/// </summary>
public sealed class InProcSilo : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private WebApplication _app;

    private InProcSilo(Dictionary<string, string?> settings, WebApplication app, string database) =>
        (_settings, _app, Database) = (settings, app, database);

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _app.Services;

    /// <summary>"SQLite" or "PostgreSQL", for reports.</summary>
    public string Database { get; }

    public static async Task<InProcSilo> Start(string database, string? postgres, string dataDirectory)
    {
        var onPostgres = database.Equals("postgres", StringComparison.OrdinalIgnoreCase);
        var settings = new Dictionary<string, string?>
        {
            ["CloudOms:DataDirectory"] = dataDirectory,
            ["CloudOms:ServiceId"] = "cloudoms-load",
            ["CloudOms:ClusterId"] = $"load-{Guid.NewGuid():N}",
            ["CloudOms:SiloPort"] = LocalProcess.FreePort().ToString(),
            ["CloudOms:GatewayPort"] = LocalProcess.FreePort().ToString(),
            ["Storage:Provider"] = onPostgres ? "Postgres" : "Sqlite",
            ["Storage:ConnectionString"] = onPostgres ? postgres : null,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
        };
        var app = SiloProgram.Build([], settings);
        await app.StartAsync();
        return new InProcSilo(settings, app, onPostgres ? "PostgreSQL" : "SQLite");
    }

    /// <summary>Stops the silo (its grains deactivate) and starts a new one on the same storage.</summary>
    public async Task Restart()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = SiloProgram.Build([], _settings);
        await _app.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
