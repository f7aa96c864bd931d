using CloudOMS.WebPortal.Tenancy;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CloudOMS.WebPortal;

/// <summary>What a newcomer needs after `dotnet run`: where to go and as whom.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var urls = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = urls.FirstOrDefault() ?? "http://localhost:5080";
        Console.WriteLine($"""

            CloudOMS 已启动 / is running: {url}
              演示租户 / demo tenant : {DemoTenant.Name} (id "{DemoTenant.Id}")
              登录 / sign-in          : not yet required — the API acts as demo-admin of the demo tenant
              API 文档 / API docs     : {url}/scalar
            """);
    }
}
