using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace CloudOMS.WebPortal.Tests.Components;

/// <summary>
/// A bUnit context set up as the portal renders its components: the portal's texts (resx), Radzen's services, and
/// a browser that answers every script call. A test class adds the services its component needs (grains, read model).
/// </summary>
internal static class PortalComponents
{
    public static BunitContext New()
    {
        var context = new BunitContext();
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.Services.AddRadzenComponents();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }
}
