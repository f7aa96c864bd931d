using CloudOMS.Billing.Plans;
using CloudOMS.Billing.Subscriptions;
using CloudOMS.Identity.Access;
using CloudOMS.Identity.Edge;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CloudOMS.Billing.Api;

/// <summary>
/// /api/billing: the tenant's plan, usage, plan changes and invoices (billing.manage), and the plan catalogue
/// (any member). None of these are refused for a read-only tenant: paying must always work.
/// </summary>
public static class BillingApi
{
    public static IEndpointRouteBuilder MapBillingApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/billing").WithTags("Billing");
        api.MapGet("/plans", (IOptions<BillingOptions> options) => TypedResults.Ok(options.Value.Plans.Select(PlanView.From).ToList()))
            .WithSummary("The plan catalogue: prices in CNY and quotas (null: no limit)").RequirePermission(RequiresPermission.AnyMember);
        api.MapGet("/", async (BillingService billing, CurrentAccess access, CancellationToken ct) =>
                TypedResults.Ok(BillingView.From(await billing.Overview(access.Required.TenantId, ct))))
            .WithSummary("Plan, status, quotas beside usage, and open invoices").RequirePermission(Permissions.BillingManage);
        api.MapPost("/change", Change)
            .WithSummary("Buy a plan (trial or free: starts when paid), upgrade (at once) or downgrade (at period end)").RequirePermission(Permissions.BillingManage);
        api.MapPost("/cancel", (BillingService billing, CurrentAccess access, AuditLog audit, CancellationToken ct) => Cancel(billing, access, audit, true, ct))
            .WithSummary("Cancel at period end; the tenant then has the free plan and keeps its data").RequirePermission(Permissions.BillingManage);
        api.MapPost("/resume", (BillingService billing, CurrentAccess access, AuditLog audit, CancellationToken ct) => Cancel(billing, access, audit, false, ct))
            .WithSummary("Keep renewing after all").RequirePermission(Permissions.BillingManage);
        api.MapGet("/invoices", async (BillingService billing, CurrentAccess access, CancellationToken ct) =>
                TypedResults.Ok((await billing.Invoices(access.Required.TenantId, ct)).Select(InvoiceView.From).ToList()))
            .WithSummary("The tenant's invoices, newest first").RequirePermission(Permissions.BillingManage);
        api.MapGet("/invoices/{invoiceId}", async Task<Results<Ok<InvoiceView>, NotFound>> (string invoiceId, BillingService billing, CurrentAccess access, CancellationToken ct) =>
                await billing.Invoice(access.Required.TenantId, invoiceId, ct) is { } invoice ? TypedResults.Ok(InvoiceView.From(invoice)) : TypedResults.NotFound())
            .WithSummary("One invoice").RequirePermission(Permissions.BillingManage);
        routes.MapStripeWebhook();
        return routes;
    }

    private static async Task<Results<Ok<ChangeView>, ValidationProblem, ProblemHttpResult>> Change(PlanChangeInput input, BillingService billing, CurrentAccess access,
        AuditLog audit, IPublicUrls links, CancellationToken ct)
    {
        if (!Enum.TryParse<BillingCycle>(input.Cycle ?? nameof(BillingCycle.Monthly), ignoreCase: true, out var cycle) || !Enum.IsDefined(cycle))
            return Invalid("cycle", Msg.Get("BillingApi.CycleMonthlyYearly"));
        try
        {
            var grant = access.Required;
            var outcome = await billing.Change(grant.TenantId, input.Plan, cycle, input.Provider, links.Link("/app/settings/billing"), ct);
            await audit.Write(grant.TenantId, grant.Actor, "billing.plan-change", input.Plan, $"{cycle} {outcome.Result}");
            return TypedResults.Ok(new ChangeView(outcome.Result, outcome.Invoice is null ? null : InvoiceView.From(outcome.Invoice), outcome.RedirectUrl, outcome.EffectiveAt));
        }
        catch (BillingException refused)
        {
            return Invalid(refused.Field, refused.Text.ToString());
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed();
        }
    }

    private static async Task<Results<Ok<string>, ValidationProblem, ProblemHttpResult>> Cancel(BillingService billing, CurrentAccess access, AuditLog audit, bool cancel, CancellationToken ct)
    {
        try
        {
            var grant = access.Required;
            await billing.Cancel(grant.TenantId, cancel, ct);
            await audit.Write(grant.TenantId, grant.Actor, cancel ? "billing.cancel" : "billing.resume", grant.TenantId);
            return TypedResults.Ok(cancel ? "cancelled-at-period-end" : "renewing");
        }
        catch (BillingException refused)
        {
            return Invalid(refused.Field, refused.Text.ToString());
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed();
        }
    }

    /// <summary>Someone (another admin, a payment, the sweeper) changed the subscription while this change was made: nothing was saved.</summary>
    private static ProblemHttpResult Changed() =>
        Problems.Result(ErrorCodes.Conflict, Msg.Get("BillingApi.SubscriptionChangedMeanwhileReloadTryAgain"));

    private static ValidationProblem Invalid(string field, string message) =>
        Problems.Invalid(field, message);
}
