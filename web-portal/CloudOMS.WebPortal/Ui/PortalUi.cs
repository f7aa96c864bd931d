using CloudOMS.WebPortal.Components;
using CloudOMS.WebPortal.Orders;
using CloudOMS.WebPortal.Portal;
using CloudOMS.WebPortal.Reports;
using CloudOMS.WebPortal.Settings;
using Radzen;

namespace CloudOMS.WebPortal.Ui;

/// <summary>The Blazor portal (interactive server) under /app, for users signed in through OIDC.</summary>
public static class PortalUi
{
    public static IServiceCollection AddPortalUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        services.AddSingleton<Radzen.ILocalizer, RadzenTexts>();
        services.AddPortalLocalization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<PortalSession>();
        services.AddScoped<UiPreferences>();
        services.AddScoped<AdminActions>();
        services.AddScoped<CloudOMS.WebPortal.Billing.BillingActions>();
        return services;
    }

    public static WebApplication MapPortalUi(this WebApplication app)
    {
        app.MapCultureSwitch();
        app.MapOrderExport();
        app.MapFinanceExport();
        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(PortalSignIn.Policy);
        return app;
    }
}
