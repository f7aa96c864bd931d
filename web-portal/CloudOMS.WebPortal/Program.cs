using CloudOMS.Billing;
using CloudOMS.Billing.Api;
using CloudOMS.Identity;
using CloudOMS.Identity.Edge;
using CloudOMS.Silo;
using CloudOMS.Silo.Operations;
using CloudOMS.WebPortal;
using CloudOMS.WebPortal.Api;
using CloudOMS.WebPortal.FrontDoor;
using CloudOMS.WebPortal.Inventory;
using CloudOMS.WebPortal.Operations;
using CloudOMS.WebPortal.Orders;
using CloudOMS.WebPortal.Portal;
using CloudOMS.WebPortal.Reports;
using CloudOMS.WebPortal.Seeding;
using CloudOMS.WebPortal.Tracking;
using CloudOMS.WebPortal.Ui;
using CloudOMS.WebPortal.Tenants;
using CloudOMS.WebPortal.Warehouses;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
// Serve Radzen's and Blazor's files from the build output in every environment (`dotnet run` is Production);
// a published app has them in wwwroot and this does nothing.
builder.WebHost.UseStaticWebAssets();

builder.AddCloudOmsTelemetry();
// The grains: a silo in this process (the default), or the deployment's silos reached as an Orleans client.
if (builder.Configuration.GetValue<PortalHosting>("CloudOms:Hosting") == PortalHosting.Client) builder.AddCloudOmsPortalClient();
else builder.AddCloudOmsSilo();
builder.Services.AddCloudOmsHealthChecks();
builder.AddCloudOmsIdentity(builder.Configuration.DataDirectory());
builder.AddCloudOmsBilling(builder.Configuration.DataDirectory());
builder.Services.AddCloudOmsApi();
builder.Services.AddTenantResolution();
builder.Services.AddPortalSignIn(builder.Configuration);
builder.Services.AddPortalUi();
builder.Services.AddPlatformOperators();
builder.Services.AddTracking();
builder.Services.AddHostedService<DemoSeeder>();

var app = builder.Build();

app.UseTrustedProxies();
// The request's language first, so every answer (error answers included) is in it.
app.UseRequestLocalization();
app.UseExceptionHandler();
app.UseApiDeadline();
app.UseTextGuard();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseCloudOmsIdentity();
app.UseTenantResolution();
app.UseApiRateLimit();
app.MapCloudOmsHealth();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapFrontDoor();
app.MapCloudOmsIdentity();
app.MapPortalSignIn();
app.MapOperatorPages();
app.MapPortalUi();
app.MapTracking();
app.MapWarehouseApi();
app.MapSkuApi();
app.MapStockApi();
app.MapOrderApi();
app.MapTenantProfileApi();
app.MapReportApi();
app.MapBillingApi();
app.Lifetime.ApplicationStarted.Register(() =>
{
    PortalSignIn.RegisterClient(app.Services).GetAwaiter().GetResult();
    StartupBanner.Print(app);
});

app.Run();

/// <summary>Entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
