using CloudOMS.Texts;
using Microsoft.AspNetCore.Localization;

namespace CloudOMS.Identity.Edge;

/// <summary>
/// The language of each request: the one the user picked (the culture cookie), else the first of Accept-Language
/// that CloudOMS speaks, else Chinese. API answers, sign-in pages and the portal all follow it; the middleware runs
/// first so that error answers written by the exception handler follow it too.
/// </summary>
public static class RequestLanguages
{
    public static IServiceCollection AddRequestLanguages(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Languages.Chinese);
            o.SupportedCultures = o.SupportedUICultures = [.. Languages.All];
            o.FallBackToParentCultures = o.FallBackToParentUICultures = true;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
}
