using CloudOMS.WebPortal.Portal;
using CloudOMS.Silo;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace CloudOMS.WebPortal.Operations;

/// <summary>Settings under "Platform": the people who run the CloudOMS deployment itself.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>
    /// Emails of the platform operators' portal accounts (Platform:Operators:0, :1, ...). Only they
    /// reach the operations pages; being admin of a tenant gives nothing here. List only accounts that
    /// exist: emails are unique, so a listed, existing account cannot be signed up for by someone else.
    /// </summary>
    public List<string> Operators { get; set; } = [];
}

/// <summary>The operations pages (/ops: the Orleans dashboard; /app/operator: the billing console), for platform operators only.</summary>
public static class PlatformOperators
{
    public const string Policy = "platform-operator";
    public const string OpsPath = "/ops";
    public const string DashboardPath = OpsPath + "/orleans";

    /// <summary>The operator console (billing of every company), a portal page.</summary>
    public const string ConsolePath = "/app/operator";

    public static IServiceCollection AddPlatformOperators(this IServiceCollection services)
    {
        services.AddOptions<PlatformOptions>().BindConfiguration(PlatformOptions.Section);
        services.AddSingleton<IAuthorizationHandler, OperatorHandler>();
        services.AddScoped<OperatorIdentity>();
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(PortalSignIn.CookieScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new OperatorRequirement()));
        // A signed-in user who is not an operator gets a plain 403 here, not a redirect to a page that does not exist.
        services.PostConfigure<CookieAuthenticationOptions>(PortalSignIn.CookieScheme, o =>
        {
            var redirect = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToAccessDenied = context =>
            {
                if (!context.Request.Path.StartsWithSegments(OpsPath) && !context.Request.Path.StartsWithSegments(ConsolePath)) return redirect(context);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        return services;
    }

    public static WebApplication MapOperatorPages(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<CloudOmsOptions>>().Value.Dashboard) return app;
        // The dashboard's page loads "./index.min.js": it must be addressed as a folder.
        app.Use((context, next) =>
        {
            if (context.Request.Path.Value != DashboardPath) return next(context);
            context.Response.Redirect(DashboardPath + "/");
            return Task.CompletedTask;
        });
        app.MapOrleansDashboard(DashboardPath).RequireAuthorization(Policy).ExcludeFromDescription();
        return app;
    }

    private sealed class OperatorRequirement : IAuthorizationRequirement;

    private sealed class OperatorHandler(IOptionsMonitor<PlatformOptions> options) : AuthorizationHandler<OperatorRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperatorRequirement requirement)
        {
            // The portal's principal carries the email its identity server confirmed (claim "email", not remapped).
            var email = context.User.FindFirst("email")?.Value;
            if (!string.IsNullOrEmpty(email) && options.CurrentValue.Operators.Any(o => string.Equals(o.Trim(), email, StringComparison.OrdinalIgnoreCase)))
                context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }
}
