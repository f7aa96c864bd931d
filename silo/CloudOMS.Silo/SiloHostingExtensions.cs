using CloudOMS.Grains;
using CloudOMS.Silo.Audit;
using CloudOMS.Silo.Operations;
using CloudOMS.Silo.Persistence;
using CloudOMS.Silo.Projection;
using CloudOMS.Silo.ReadModel;
using CloudOMS.Silo.Sagas;
using CloudOMS.Silo.Tenancy;
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
        // On SIGTERM the host stops the silo (it leaves the cluster and deactivates its grains), then
        // our background services; registered first, the shutdown log sees the whole of it.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);
        builder.Services.AddHostedService<ShutdownLog>();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            silo.AddCloudOmsGrains(builder.Configuration);
        });
        return builder;
    }

    /// <summary>Storage, read model and background work of a CloudOMS silo; clustering is the caller's choice.</summary>
    public static ISiloBuilder AddCloudOmsGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = ReadOptions(configuration);
        Directory.CreateDirectory(options.DataDirectory);
        var grainStore = $"Data Source={options.GrainStorePath};Pooling=True";
        var dataSource = new TunedSqliteDataSource(grainStore);

        silo.AddAdoNetGrainStorage(InnerStorage, o =>
        {
            o.Invariant = "System.Data.SQLite";
            o.DataSource = dataSource;
            o.GrainStorageSerializer = new StateSerializer();
        });

        // Grain calls carry the caller's trace (spans from the "Microsoft.Orleans.*" activity sources).
        silo.AddActivityPropagation();
        if (options.Dashboard) silo.AddDashboard();

        var services = silo.Services;
        services.AddMetrics();
        services.TryAddSingleton<OmsMetrics>();
        services.AddOptions<CloudOmsOptions>().BindConfiguration(CloudOmsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StorageChangeSignal>();
        services.AddSingleton(sp => new GrainStateStore(dataSource, sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        // SQLite has one writer at a time; the gate keeps waiting writers off the thread pool.
        services.AddKeyedSingleton<IGrainStorage>(StorageNames.Provider, (sp, _) =>
            new SerializedGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(InnerStorage), 1, sp.GetRequiredService<StorageChangeSignal>()));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => new StorageStartup(
            sp, sp.GetRequiredService<GrainStateStore>(), grainStore, sp.GetRequiredService<ILogger<StorageStartup>>()));

        services.AddReadModel($"Data Source={options.ReadModelPath};Pooling=True");
        services.AddSingleton<ReadModelNotifications>();
        services.AddSingleton<ReadModelProjector>();
        services.AddHostedService(sp => sp.GetRequiredService<ReadModelProjector>());
        services.AddSingleton<SagaSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<SagaSweeper>());
        services.AddSingleton<StockAudit>();
        services.AddSingleton<StockAuditService>();
        services.AddHostedService(sp => sp.GetRequiredService<StockAuditService>());
        return silo;
    }

    /// <summary>The read model for queries: a context per scope, filtered to the scope's tenant.</summary>
    public static IServiceCollection AddReadModel(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextFactory<ReadModelDbContext>(o => o
            .UseSqlite(connectionString)
            .AddInterceptors(new SqliteTuningInterceptor()));
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

    /// <summary>The data folder from configuration, for the other stores that live beside the grains.</summary>
    public static string DataDirectory(this IConfiguration configuration) => ReadOptions(configuration).DataDirectory;

    private static CloudOmsOptions ReadOptions(IConfiguration configuration) =>
        configuration.GetSection(CloudOmsOptions.Section).Get<CloudOmsOptions>() ?? new CloudOmsOptions();
}
