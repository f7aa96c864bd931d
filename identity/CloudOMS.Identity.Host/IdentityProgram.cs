using CloudOMS.Identity.Edge;

namespace CloudOMS.Identity;

/// <summary>
/// The identity server on its own (sign-in, OIDC, administration API), for deployments that run
/// it apart from the portal. The embedded default co-hosts it in the portal process instead.
/// </summary>
public static class IdentityProgram
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddCloudOmsIdentity(builder.Configuration["Identity:DataDirectory"] ?? "data");
        builder.Services.AddRequestLanguages();
        var app = builder.Build();
        app.UseTrustedProxies();
        app.UseRequestLocalization();
        app.UseCloudOmsIdentity();
        app.MapCloudOmsIdentity();
        await app.RunAsync();
    }
}
