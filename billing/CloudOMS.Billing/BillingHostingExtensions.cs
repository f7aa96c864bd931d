using CloudOMS.Billing.Data;
using CloudOMS.Billing.Plans;
using CloudOMS.Billing.Providers;
using CloudOMS.Billing.Subscriptions;
using CloudOMS.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CloudOMS.Billing;

public static class BillingHostingExtensions
{
    /// <summary>Plans, subscriptions and invoices (billing.db beside identity.db, or PostgreSQL), the providers and the sweeper.</summary>
    public static WebApplicationBuilder AddCloudOmsBilling(this WebApplicationBuilder builder, string dataDirectory)
    {
        var services = builder.Services;
        services.AddOptions<BillingOptions>().BindConfiguration(BillingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var store = BillingStore.From(DataLocation.Read(builder.Configuration, dataDirectory));
        services.AddSingleton(store);
        services.AddDbContext<BillingDb>(store.Configure);
        services.AddSingleton(sp => new SubscriptionRules(sp.GetRequiredService<IOptions<BillingOptions>>().Value));
        services.TryAddSingleton(sp => new BillingClock(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<EntitlementPublisher>();
        services.AddSingleton<Api.ApiRateLimiter>();
        services.AddScoped<IBillingProvider, BankTransferProvider>();
        AddStripe(builder);
        services.AddScoped<BillingService>();
        services.AddScoped<OperatorConsole>();
        services.AddHostedService<BillingStartup>();
        services.AddSingleton<BillingSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<BillingSweeper>());
        return builder;
    }

    /// <summary>Stripe only where its secret key is configured (keys come from configuration and are never logged).</summary>
    private static void AddStripe(WebApplicationBuilder builder)
    {
        var stripe = builder.Configuration.GetSection($"{BillingOptions.Section}:{StripeOptions.Name}").Get<StripeOptions>();
        if (string.IsNullOrWhiteSpace(stripe?.SecretKey)) return;
        builder.Services.AddSingleton<Stripe.IStripeClient>(new Stripe.StripeClient(apiKey: stripe.SecretKey, apiBase: stripe.ApiBase));
        builder.Services.AddScoped<IBillingProvider, StripeProvider>();
        builder.Services.AddScoped<StripeEvents>();
        builder.Services.AddScoped<StripeWebhook>();
    }

    private sealed class BillingStartup(BillingStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => store.Migrate(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
