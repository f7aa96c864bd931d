using CloudOMS.Grains;
using CloudOMS.Silo.Audit;
using CloudOMS.Silo.Operations;
using CloudOMS.Silo.Persistence;
using CloudOMS.Silo.Projection;
using CloudOMS.Silo.ReadModel;
using CloudOMS.Silo.Sagas;
using CloudOMS.Silo.Tenancy;
using CloudOMS.Storage;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Storage;

namespace CloudOMS.Silo;

public static class SiloHostingExtensions
{
    /// <summary>The store the grains name; it fronts the ADO.NET provider registered as <see cref="InnerStorage"/>.</summary>
    public const string InnerStorage = "oms-adonet";

    /// <summary>Runs a silo in this process with localhost clustering (the embedded default).</summary>
    public static IHostApplicationBuilder AddCloudOmsSilo(this IHostApplicationBuilder builder)
    {
        var options = ReadOptions(builder.Configuration);
        var storage = StorageBackend.ReadOptions(builder.Configuration);
        // On SIGTERM the host stops the silo (it leaves the cluster and deactivates its grains), then
        // our background services; registered first, the shutdown log sees the whole of it.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);
        builder.Services.AddHostedService<ShutdownLog>();
        if (storage.Provider == StorageProvider.Postgres) RaiseThreadPoolMinimum(storage.MaxConcurrentWrites);
        var certificate = ClusterTls.Load(options);
        builder.UseOrleans(silo =>
        {
            if (storage.Provider == StorageProvider.Postgres)
                silo.UseCloudOmsPostgresClustering(options);
            else
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            if (certificate is not null) silo.UseClusterTls(certificate);
            silo.AddCloudOmsGrains(builder.Configuration);
        });
        return builder;
    }

    /// <summary>
    /// Membership and reminders in the grain-storage database, so several silo processes form one
    /// cluster. The tables and query rows are ours (Scripts/Postgres), applied before the providers start.
    /// </summary>
    public static ISiloBuilder UseCloudOmsPostgresClustering(this ISiloBuilder silo, CloudOmsOptions options)
    {
        silo.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (options.ServiceId, options.ClusterId));
        // Orleans' membership timings from CloudOms:Membership: ProbeTimeout and NumMissedProbesLimit decide how soon
        // a crashed silo is declared dead (about their product), TableRefreshTimeout, IAmAliveTablePublishTimeout, ...
        // The defaults suit production. A silo that cannot reach the table only logs and retries; it stops itself
        // only when it reads that it was declared dead, so a database outage does not end it.
        silo.Services.AddOptions<ClusterMembershipOptions>().BindConfiguration(CloudOmsOptions.Section + ":Membership");
        silo.UseCloudOmsEndpoints(options);
        silo.UseAdoNetClustering(o => o.Configure<StorageBackend>((c, backend) => (c.Invariant, c.DataSource) = (backend.Invariant, backend.DataSource)));
        silo.UseAdoNetReminderService(o => o.Configure<StorageBackend>((r, backend) => (r.Invariant, r.DataSource) = (backend.Invariant, backend.DataSource)));
        return silo;
    }

    /// <summary>
    /// Silo and gateway ports on the addresses CloudOms:AdvertisedAddress (what the membership table tells others) and
    /// CloudOms:ListenAddress (what the sockets bind; the advertised address unless set). Unset, Orleans advertises and
    /// binds the host's first non-loopback address.
    /// </summary>
    public static ISiloBuilder UseCloudOmsEndpoints(this ISiloBuilder silo, CloudOmsOptions options)
    {
        if (CloudOmsOptions.Address(options.AdvertisedAddress, nameof(options.AdvertisedAddress)) is { } advertised)
            silo.ConfigureEndpoints(advertised, options.SiloPort, options.GatewayPort);
        else
            silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort);
        if (CloudOmsOptions.Address(options.ListenAddress, nameof(options.ListenAddress)) is { } listen)
        {
            silo.Configure<EndpointOptions>(o =>
            {
                o.SiloListeningEndpoint = new System.Net.IPEndPoint(listen, options.SiloPort);
                o.GatewayListeningEndpoint = new System.Net.IPEndPoint(listen, options.GatewayPort);
            });
        }
        return silo;
    }

    /// <summary>Storage, read model and background work of a CloudOMS silo; clustering is the caller's choice.</summary>
    public static ISiloBuilder AddCloudOmsGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = ReadOptions(configuration);
        Directory.CreateDirectory(options.DataDirectory);
        var backend = StorageBackend.Create(StorageBackend.ReadOptions(configuration), options);

        silo.AddAdoNetGrainStorage(InnerStorage, o =>
        {
            o.Invariant = backend.Invariant;
            o.DataSource = backend.DataSource;
            o.GrainStorageSerializer = new StateSerializer();
        });

        // Grain calls carry the caller's trace (spans from the "Microsoft.Orleans.*" activity sources).
        silo.AddActivityPropagation();
        silo.Services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(DatabaseFailure.CrossTheWire);
        silo.AddIncomingGrainCallFilter<Tenancy.TenantWriteFilter>();
        if (options.Dashboard) silo.AddDashboard();

        var services = silo.Services;
        services.AddKeyedSingleton<IGrainStorage>(StorageNames.Provider, (sp, _) => GatedStorage(sp));
        if (backend.Provider == StorageProvider.Sqlite)
            services.AddSingleton(sp => new SqliteWriteBatcher(backend.DataSource, sp.GetRequiredService<StorageChangeSignal>()));
        else
            services.AddSingleton(sp => new PostgresWriteBatcher((NpgsqlDataSource)backend.DataSource, sp.GetRequiredService<StorageChangeSignal>()));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => new StorageStartup(
            sp, backend, sp.GetRequiredService<ILogger<StorageStartup>>()));
        services.AddCloudOmsDataServices(backend, options);
        return silo;
    }

    /// <summary>
    /// Options, metrics, the read model, its projection and the background work (saga sweeper, stock
    /// audit): in every silo, and in a portal that runs as an Orleans client only.
    /// </summary>
    public static IServiceCollection AddCloudOmsDataServices(this IServiceCollection services, StorageBackend backend, CloudOmsOptions options)
    {
        services.AddMetrics();
        services.TryAddSingleton<OmsMetrics>();
        services.AddCloudOmsOptions();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // Registered through a factory so the container disposes the data source (and its pool) with the host.
        services.TryAddSingleton(_ => backend);
        services.TryAddSingleton<StorageChangeSignal>();
        services.AddSingleton(sp => new GrainStateStore(backend, sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        services.TryAddSingleton<DatabaseProbe>();

        services.AddReadModel(ReadModelDatabase.For(backend, options));
        services.TryAddSingleton<ISkuBarcodeDirectory, ReadModelSkuBarcodes>();
        services.AddSingleton<ReadModelNotifications>();
        services.AddSingleton<ProjectionQuarantine>();
        services.AddSingleton<ReadModelProjector>();
        services.AddHostedService(sp => sp.GetRequiredService<ReadModelProjector>());
        services.AddSingleton<SagaSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<SagaSweeper>());
        services.AddSingleton<StockAudit>();
        services.AddSingleton<StockAuditService>();
        services.AddHostedService(sp => sp.GetRequiredService<StockAuditService>());
        return services;
    }

    /// <summary>CloudOms:* bound and validated at start, once however many CloudOMS parts a host adds.</summary>
    internal static IServiceCollection AddCloudOmsOptions(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<CloudOmsOptions>))) return services;
        services.AddOptions<CloudOmsOptions>().BindConfiguration(CloudOmsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>
    /// The grains' storage for the chosen database. SQLite has one writer, whose "async" calls block threads:
    /// writes are batched, many grains' rows per transaction (<see cref="SqliteWriteBatcher"/>). On PostgreSQL a commit
    /// waits for its WAL flush: writes are batched the same way, a few transactions in flight at once
    /// (<see cref="PostgresWriteBatcher"/>).
    /// </summary>
    public static IGrainStorage GatedStorage(IServiceProvider services)
    {
        var inner = services.GetRequiredKeyedService<IGrainStorage>(InnerStorage);
        var backend = services.GetRequiredService<StorageBackend>();
        var serviceId = services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
        if (backend.Provider != StorageProvider.Sqlite)
            return new BatchedPostgresGrainStorage(inner, services.GetRequiredService<PostgresWriteBatcher>(), new StateSerializer(), serviceId,
                services.GetRequiredService<StorageChangeSignal>());
        return new BatchedSqliteGrainStorage(inner, services.GetRequiredService<SqliteWriteBatcher>(), new StateSerializer(), serviceId);
    }

    /// <summary>The read model for queries: a context per scope, filtered to the scope's tenant.</summary>
    public static IServiceCollection AddReadModel(this IServiceCollection services, ReadModelDatabase database)
    {
        services.TryAddSingleton(database);
        services.AddDbContextFactory<ReadModelDbContext>(database.Configure);
        services.TryAddScoped<TenantContext>();
        // Replaces the plain context the factory registration adds: request contexts are read-only and tenant-filtered.
        services.Replace(ServiceDescriptor.Scoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<ReadModelDbContext>>().CreateDbContext();
            db.TenantId = sp.GetRequiredService<TenantContext>().TenantId;
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            return db;
        }));
        return services;
    }

    /// <summary>
    /// Npgsql cancels a timed-out command synchronously (it connects to the server to send a cancel request and
    /// waits for the answer), so a hung database parks a pool thread per command for seconds. On 2 cores the
    /// thread pool would add threads only slowly and every request, its 503 included, would wait for one; up to
    /// one thread per writer is therefore created at once.
    /// </summary>
    private static void RaiseThreadPoolMinimum(int writers)
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < writers) ThreadPool.SetMinThreads(writers, io);
    }

    /// <summary>The data folder from configuration, for the other stores that live beside the grains.</summary>
    public static string DataDirectory(this IConfiguration configuration) => DataLocation.ReadDataDirectory(configuration);

    internal static CloudOmsOptions ReadOptions(IConfiguration configuration) =>
        configuration.GetSection(CloudOmsOptions.Section).Get<CloudOmsOptions>() ?? new CloudOmsOptions();
}
