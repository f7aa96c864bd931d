using CloudOMS.WebPortal.Seeding;
using CloudOMS.WebPortal.Tenants;
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
        var seeds = app.Services.GetRequiredService<DemoIdentitySeeder>();
        Console.WriteLine($"""

            CloudOMS 已启动 / is running: {url}
              门户 / portal           : {url}/app
              演示租户 / demo tenant : {DemoTenant.Name} (id "{DemoTenant.Id}")
              登录 / sign-in          : {url}/account/login
                管理员 / admin        : {DemoIdentitySeeder.AdminEmail}  密码 / password {seeds.Password}
                仓管 / warehouse clerk: {DemoIdentitySeeder.ClerkEmail}  密码 / password {seeds.Password} (临沂总仓 only)
              API 文档 / API docs     : {url}/scalar  (bearer token from {url}/connect/token)
            """);
    }
}
