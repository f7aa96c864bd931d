using CloudOMS.Billing.Providers;
using CloudOMS.Identity.Edge;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CloudOMS.Billing.Api;

/// <summary>
/// POST /api/billing/stripe/webhook: Stripe's calls about payments and subscriptions. Anonymous (no tenant
/// token): the Stripe-Signature header over the raw body is the proof of origin, checked before anything is read.
/// </summary>
public static class StripeWebhookApi
{
    public const string Route = "/api/billing/stripe/webhook";

    public static IEndpointRouteBuilder MapStripeWebhook(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Route, Receive)
            .AllowAnonymous()
            .WithTags("Billing")
            .WithSummary("Stripe webhook (signed by Stripe): checkout completed, invoice paid or failed, subscription updated or deleted");
        return routes;
    }

    private static async Task<Results<Ok<string>, ProblemHttpResult, NotFound>> Receive(HttpRequest request, IServiceProvider services, CancellationToken ct)
    {
        // Registered only when Stripe is configured; otherwise there is no such endpoint to call.
        if (services.GetService<StripeWebhook>() is not { } webhook) return TypedResults.NotFound();
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(ct);
        var outcome = await webhook.Receive(json, request.Headers["Stripe-Signature"], ct);
        return outcome == WebhookOutcome.Rejected
            ? Problems.Result(ErrorCodes.InvalidInput, Msg.Get("StripeWebhookApi.StripeSignatureHeaderMissingDoesNot"))
            : TypedResults.Ok(outcome == WebhookOutcome.Duplicate ? "duplicate" : "applied");
    }
}
