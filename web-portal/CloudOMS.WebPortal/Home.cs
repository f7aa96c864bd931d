using CloudOMS.WebPortal.Tenants;

namespace CloudOMS.WebPortal;

/// <summary>The landing page until the Blazor portal arrives: where things are.</summary>
public static class Home
{
    public static IEndpointRouteBuilder MapHome(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => TypedResults.Content($"""
            <!doctype html><html lang="{System.Globalization.CultureInfo.CurrentUICulture.Name}"><head><meta charset="utf-8"><title>CloudOMS</title></head>
            <body style="font-family:sans-serif;max-width:40rem;margin:3rem auto">
            <h1>{Msg.Get("Home.Title")}</h1>
            <p>{Msg.Get("Home.DemoTenant")} <b>{DemoTenant.Name}</b></p>
            <ul>
              <li><a href="/portal">{Msg.Get("Home.SignIn")}</a></li>
              <li><a href="/scalar">{Msg.Get("Home.ApiReference")}</a></li>
            </ul>
            </body></html>
            """, "text/html; charset=utf-8")).ExcludeFromDescription();
        return routes;
    }
}
