using CloudOMS.WebPortal.Tenancy;

namespace CloudOMS.WebPortal;

/// <summary>The landing page until the Blazor portal arrives: where things are.</summary>
public static class Home
{
    public static IEndpointRouteBuilder MapHome(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => TypedResults.Content($"""
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>CloudOMS</title></head>
            <body style="font-family:sans-serif;max-width:40rem;margin:3rem auto">
            <h1>CloudOMS 订单管理</h1>
            <p>演示租户 / demo tenant: <b>{DemoTenant.Name}</b></p>
            <ul>
              <li><a href="/portal">登录门户 / Sign in to the portal</a></li>
              <li><a href="/scalar">API 文档 / API reference</a> (bearer token from /connect/token)</li>
            </ul>
            </body></html>
            """, "text/html; charset=utf-8")).ExcludeFromDescription();
        return routes;
    }
}
