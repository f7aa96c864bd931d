using System.Text.Json;
using CloudOMS.Billing.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CloudOMS.Billing.Tests;

/// <summary>
/// The portal with a trial plan small enough to reach its limits in a few calls, and a billing clock the
/// tests move forward by days (the grains and sign-in keep real time).
/// </summary>
public sealed class BillingPortal : IAsyncLifetime
{
    /// <summary>The trial plan (专业版, index 2 of the catalogue) as this fixture shrinks it.</summary>
    public const int Orders = 3, Users = 2, Warehouses = 1, Skus = 2, ApiPerMinute = 40;

    public IdentityPortal Portal { get; } = new();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public BillingPortal()
    {
        var settings = Portal.Factory.Settings;
        settings["Billing:Plans:2:OrdersPerMonth"] = $"{Orders}";
        settings["Billing:Plans:2:Users"] = $"{Users}";
        settings["Billing:Plans:2:Warehouses"] = $"{Warehouses}";
        settings["Billing:Plans:2:Skus"] = $"{Skus}";
        settings["Billing:Plans:2:ApiRequestsPerMinute"] = $"{ApiPerMinute}";
        Portal.Factory.TestServices.Add(services => services.AddSingleton(new BillingClock(Clock)));
    }

    public Task InitializeAsync() => Portal.InitializeAsync();

    public Task DisposeAsync() => Portal.DisposeAsync();

    /// <summary>A new company on its trial, with its admin signed in to the API.</summary>
    public async Task<(Company Company, OmsClient Admin)> NewCompany() => await Portal.NewCompany();

    /// <summary>Runs the billing sweeper once, as its timer would after the clock moved.</summary>
    public Task<int> Sweep() => Portal.Factory.Services.GetRequiredService<BillingSweeper>().RunOnce();

    /// <summary>What the platform operator does after matching a bank transfer.</summary>
    public async Task MarkPaid(string invoiceId)
    {
        await using var scope = Portal.Factory.Services.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<OperatorConsole>().MarkPaid(invoiceId, "ops@cloudoms.cn"));
    }

    public async Task Operator(Func<OperatorConsole, Task> action)
    {
        await using var scope = Portal.Factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<OperatorConsole>());
    }

    /// <summary>Buys <paramref name="plan"/> by bank transfer and has the operator mark it paid.</summary>
    public async Task Buy(OmsClient admin, string plan, string cycle = "Monthly")
    {
        var change = await admin.Post<JsonElement>("/api/billing/change", new { plan, cycle });
        Assert.Equal("awaiting-payment", change.GetProperty("result").GetString());
        await MarkPaid(change.GetProperty("invoice").GetProperty("id").GetString()!);
    }
}

/// <summary>
/// The classes whose tests leave billing's clock where it is share one billing portal, each with companies of its
/// own; DunningTests moves the clock by days for every company of its portal, so it keeps one to itself.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedBillingPortal : ICollectionFixture<BillingPortal>
{
    public const string Name = "billing portal";
}
