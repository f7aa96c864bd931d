using System.Globalization;
using CloudOMS.Billing.Plans;
using CloudOMS.Identity.Accounts;
using CloudOMS.Storage;
using CloudOMS.WebPortal.Portal;
using CloudOMS.WebPortal.Seeding;
using CloudOMS.WebPortal.Tenants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CloudOMS.WebPortal.FrontDoor;

/// <summary>
/// The front door at "/": what CloudOMS does for a Linyi seller, the plans and their prices (the billing catalogue),
/// 免费注册 and 登录. A signed-in user goes straight on to the portal. In the embedded start (SQLite, demo seeded) it
/// also offers the demo company's sign-in; a deployment on PostgreSQL never shows it.
/// </summary>
public static class FrontDoorPage
{
    public static IEndpointRouteBuilder MapFrontDoor(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", async (HttpContext context, IOptions<BillingOptions> billing, IConfiguration configuration, DemoIdentitySeeder demo) =>
        {
            if (await context.AuthenticateAsync(PortalSignIn.CookieScheme) is { Succeeded: true }) return Results.Redirect("/app");
            var showDemo = configuration.GetValue("CloudOms:SeedDemo", true) && !DataLocation.Read(configuration).Postgres;
            return Results.Content(Render(billing.Value, showDemo ? demo : null), "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        return routes;
    }

    private static string Render(BillingOptions billing, DemoIdentitySeeder? demo)
    {
        var culture = CultureInfo.CurrentUICulture;
        var english = Languages.Of(culture) == Languages.English;
        var other = english ? "zh-CN" : "en";
        var features = string.Concat(new[] { "Channels", "Automation", "Dashboards", "Teams" }.Select(f => $"""
            <div class="card"><h3>{Html.E(Msg.Get($"FrontDoor.Feature.{f}"))}</h3><p>{Html.E(Msg.Get($"FrontDoor.Feature.{f}.Text"))}</p></div>
            """));
        var plans = string.Concat(billing.Plans.Select(p => $"""
            <div class="card plan" id="plan-{Html.E(p.Code)}"><h3>{Html.E(p.Name(english))}{(p.Code == billing.TrialPlan ? $" <span class=\"tag\">{Html.E(Msg.Get("FrontDoor.TrialPlan", billing.TrialDays))}</span>" : "")}</h3>
            <p class="price">{Html.E(p.IsFree ? Msg.Get("FrontDoor.Free") : Msg.Get("FrontDoor.PerMonth", p.MonthlyPrice))}</p>
            <p class="muted">{Html.E(p.IsFree ? "" : Msg.Get("FrontDoor.PerYear", p.YearlyPrice))}</p>
            <ul><li>{Html.E(Msg.Get("FrontDoor.Orders", Limit(p.OrdersPerMonth)))}</li><li>{Html.E(Msg.Get("FrontDoor.Users", Limit(p.Users)))}</li>
            <li>{Html.E(Msg.Get("FrontDoor.Warehouses", Limit(p.Warehouses)))}</li><li>{Html.E(Msg.Get("FrontDoor.Skus", Limit(p.Skus)))}</li></ul></div>
            """));
        var demoBox = demo is null ? "" : $"""
            <section id="demo" class="demo"><h2>{Html.E(Msg.Get("FrontDoor.Demo"))}</h2>
            <p>{Html.E(Msg.Get("FrontDoor.Demo.Text", DemoTenant.Name))}</p>
            <p>{Html.E(Msg.Get("FrontDoor.Demo.Account"))} <code>{Html.E(DemoIdentitySeeder.AdminEmail)}</code> · {Html.E(Msg.Get("FrontDoor.Demo.Password"))} <code>{Html.E(demo.Password)}</code></p>
            <p><a class="button" id="demo-sign-in" href="/app">{Html.E(Msg.Get("FrontDoor.Demo.SignIn"))}</a></p></section>
            """;
        return $$"""
            <!doctype html><html lang="{{culture.Name}}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>{{Html.E(Msg.Get("FrontDoor.Title"))}}</title>
            <style>
            body{margin:0;font-family:system-ui,"Noto Sans CJK SC",sans-serif;color:#1f2933;line-height:1.6}
            header,main,footer{max-width:68rem;margin:0 auto;padding:0 1.25rem}
            header{display:flex;align-items:center;justify-content:space-between;gap:1rem;padding-top:1rem;flex-wrap:wrap}
            header nav{display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
            .brand{font-weight:700;font-size:1.25rem;color:#0b5cad;text-decoration:none}
            a{color:#0b5cad}.button{display:inline-block;padding:.6rem 1.2rem;border-radius:.4rem;background:#0b5cad;color:#fff;text-decoration:none;font-weight:600}
            .button.secondary{background:#fff;color:#0b5cad;border:1px solid #0b5cad}
            .hero{padding:3rem 0 2rem}.hero h1{font-size:2rem;line-height:1.3;margin:0 0 1rem}.hero p{font-size:1.1rem;max-width:46rem}
            .actions{display:flex;gap:.8rem;flex-wrap:wrap;margin-top:1.5rem}
            .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:1rem}
            .card{border:1px solid #d9e2ec;border-radius:.5rem;padding:1rem 1.2rem;background:#fff}.card h3{margin:.2rem 0 .5rem}
            .price{font-size:1.4rem;font-weight:700;margin:.2rem 0}.muted{color:#627d98;font-size:.9rem;margin:0}.plan ul{padding-left:1.1rem}
            .tag{font-size:.75rem;background:#e3f8ff;color:#0b5cad;border-radius:1rem;padding:.1rem .5rem;vertical-align:middle}
            .demo{margin:2rem 0;padding:1rem 1.2rem;border-radius:.5rem;background:#f0f4f8}
            footer{padding:2rem 1.25rem;color:#627d98;font-size:.9rem}
            </style></head><body>
            <header><a class="brand" href="/">CloudOMS</a><nav>
            <a href="#plans">{{Html.E(Msg.Get("FrontDoor.Plans"))}}</a>
            <a id="language" href="/culture/{{other}}?returnUrl=/">{{Html.E(Msg.Get("FrontDoor.OtherLanguage"))}}</a>
            <a id="sign-in" href="/app">{{Html.E(Msg.Get("FrontDoor.SignIn"))}}</a>
            <a class="button" id="sign-up" href="/account/signup">{{Html.E(Msg.Get("FrontDoor.SignUp"))}}</a></nav></header>
            <main>
            <section class="hero"><h1>{{Html.E(Msg.Get("FrontDoor.Headline"))}}</h1><p>{{Html.E(Msg.Get("FrontDoor.Lead"))}}</p>
            <div class="actions"><a class="button" id="hero-sign-up" href="/account/signup">{{Html.E(Msg.Get("FrontDoor.SignUpTrial", billing.TrialDays))}}</a>
            <a class="button secondary" id="hero-sign-in" href="/app">{{Html.E(Msg.Get("FrontDoor.SignIn"))}}</a></div></section>
            <section class="grid">{{features}}</section>
            <section id="plans"><h2>{{Html.E(Msg.Get("FrontDoor.Plans"))}}</h2><div class="grid">{{plans}}</div></section>
            {{demoBox}}
            </main>
            <footer><a href="/scalar">{{Html.E(Msg.Get("FrontDoor.Api"))}}</a></footer>
            </body></html>
            """;
    }

    private static string Limit(int? limit) => limit is { } n ? n.ToString("N0", CultureInfo.CurrentUICulture) : Msg.Get("FrontDoor.Unlimited");
}
