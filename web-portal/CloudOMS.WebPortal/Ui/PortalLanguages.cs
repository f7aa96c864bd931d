using System.Globalization;
using CloudOMS.Identity.Edge;
using Microsoft.AspNetCore.Localization;

namespace CloudOMS.WebPortal;

/// <summary>Marker for the portal's UI texts (Resources/UiText.resx, zh-CN; UiText.en.resx, English).</summary>
public sealed class UiText;

/// <summary>The portal's languages: zh-CN first, English one click away.</summary>
public static class PortalLanguages
{
    public static readonly CultureInfo[] Cultures = [.. CloudOMS.Texts.Languages.All];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRequestLanguages();
        return services;
    }

    /// <summary>Switches the language: remembers it in the culture cookie and reloads the page.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (Cultures.Any(c => c.Name == culture))
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.Redirect(LocalRedirects.Target(returnUrl));
        }).ExcludeFromDescription();
        return routes;
    }
}
