using CloudOMS.Billing.Api;
using CloudOMS.Grains;
using CloudOMS.Identity.Access;
using CloudOMS.Identity.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace CloudOMS.WebPortal.Tests.Billing;

/// <summary>A company signed up through the public sign-up API, with an API client allowed to manage its billing.</summary>
public sealed record StripeTenant(string Id, OmsClient Admin);

/// <summary>
/// One portal with Stripe configured against <see cref="FakeStripe"/> (prices for every plan's monthly cycle, none
/// yearly), shared by the Stripe test classes; each test signs up a company of its own.
/// </summary>
public sealed class StripePortal : IAsyncLifetime
{
    public const string WebhookSecret = "whsec_cloudoms_tests";
    public const string StarterPrice = "price_starter_monthly";
    public const string ProPrice = "price_pro_monthly";
    public const string EnterprisePrice = "price_enterprise_monthly";

    public FakeStripe Stripe { get; } = new();

    public PortalFactory Portal { get; } = new();

    public async Task InitializeAsync()
    {
        Portal.Settings["Billing:Stripe:SecretKey"] = "sk_test_cloudoms";
        // Every test of the collection signs a company up from this one address.
        Portal.Settings["Identity:SignupsPerHour"] = "1000";
        Portal.Settings["Billing:Stripe:WebhookSecret"] = WebhookSecret;
        Portal.Settings["Billing:Stripe:ApiBase"] = Stripe.Url;
        Portal.Settings["Billing:Stripe:Prices:starter:Monthly"] = StarterPrice;
        Portal.Settings["Billing:Stripe:Prices:pro:Monthly"] = ProPrice;
        Portal.Settings["Billing:Stripe:Prices:enterprise:Monthly"] = EnterprisePrice;
        await ((IAsyncLifetime)Portal).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Portal).DisposeAsync();
        Stripe.Dispose();
    }

    public async Task<StripeTenant> SignUp()
    {
        var slug = "st" + Guid.NewGuid().ToString("N")[..12];
        using (var anonymous = Portal.CreateClient())
        {
            var signup = await anonymous.PostAsJsonAsync("/api/signup", new
            {
                CompanyName = $"条纹商贸 {slug}", Slug = slug, ContactName = "张测试", Phone = "0539-1234567",
                Email = $"admin@{slug}.tests.cloudoms.cn", Password = "Passw0rd-2026",
            });
            Assert.True(signup.StatusCode == HttpStatusCode.Created, await signup.Content.ReadAsStringAsync());
        }
        // What the company's admin does on the API clients page, done directly: the tests are about billing.
        await using var scope = Portal.Services.CreateAsyncScope();
        var client = await scope.ServiceProvider.GetRequiredService<ApiClientService>().Create(slug, "billing tests", [Permissions.BillingManage]);
        return new StripeTenant(slug, new OmsClient(await Portal.ClientWithToken(client.ClientId, client.ClientSecret)));
    }

    /// <summary>Posts a webhook body signed with <paramref name="secret"/> (the endpoint's unless told).</summary>
    public async Task<HttpResponseMessage> Deliver(string payload, string? secret = WebhookSecret)
    {
        using var http = Portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhookApi.Route) { Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json") };
        if (secret is not null) request.Headers.Add("Stripe-Signature", StripeSigning.Header(payload, secret));
        return await http.SendAsync(request);
    }

    public async Task Delivered(string payload)
    {
        var response = await Deliver(payload);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Webhook answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static Task<BillingView> Billing(StripeTenant tenant) => tenant.Admin.Get<BillingView>("/api/billing");

    public static Task<List<InvoiceView>> Invoices(StripeTenant tenant) => tenant.Admin.Get<List<InvoiceView>>("/api/billing/invoices");

    /// <summary>What the tenant's grain enforces (the entitlement billing published to it).</summary>
    public Task<TenantBilling> Grain(StripeTenant tenant) => Portal.Services.GetRequiredService<IGrainFactory>().Tenant(tenant.Id).GetBilling();
}

[CollectionDefinition(Name)]
public sealed class StripeCollection : ICollectionFixture<StripePortal>
{
    public const string Name = "Stripe";
}
