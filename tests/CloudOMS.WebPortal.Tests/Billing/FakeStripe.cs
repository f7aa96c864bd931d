using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using WireMock.RequestBuilders;
using Request = WireMock.RequestBuilders.Request;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CloudOMS.WebPortal.Tests.Billing;

/// <summary>
/// Stripe's HTTP API as far as CloudOMS calls it, served on loopback by WireMock: customers, Checkout Sessions,
/// subscriptions and Billing Portal sessions. Ids are made from the tenant in the request, so tests sharing the
/// fake never see each other's objects; every request is kept for assertions on its form-encoded body.
/// </summary>
public sealed class FakeStripe : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    public FakeStripe()
    {
        Stub("/v1/customers", form => $$"""{"id":"{{CustomerOf(form["metadata[tenant]"]!)}}","object":"customer"}""");
        Stub("/v1/checkout/sessions", form => $$"""{"id":"cs_{{form["client_reference_id"]}}","object":"checkout.session","url":"{{CheckoutUrl(form["client_reference_id"]!)}}"}""");
        Stub("/v1/billing_portal/sessions", form => $$"""{"id":"bps_1","object":"billing_portal.session","url":"https://billing.stripe.test/{{form["customer"]}}"}""");
        _server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher("^/v1/subscriptions/[^/]+$")).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(request =>
                $$$"""{"id":"{{{request.Path.Split('/')[^1]}}}","object":"subscription","status":"active","items":{"object":"list","data":[{"id":"si_{{{request.Path.Split('/')[^1]}}}","object":"subscription_item"}]}}"""));
        _server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher("^/v1/subscriptions/[^/]+$")).UsingPost())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(request =>
                $$"""{"id":"{{request.Path.Split('/')[^1]}}","object":"subscription","status":"active"}"""));
    }

    public string Url => _server.Url!;

    public static string CustomerOf(string tenantId) => "cus_" + tenantId;

    public static string SubscriptionOf(string tenantId) => "sub_" + tenantId;

    public static string CheckoutUrl(string tenantId) => "https://checkout.stripe.test/c/pay/cs_" + tenantId;

    /// <summary>The form bodies of the POSTs to <paramref name="path"/> that mention <paramref name="value"/>.</summary>
    public IReadOnlyList<Dictionary<string, StringValues>> Posts(string path, string value) =>
        [.. _server.LogEntries
            .Where(e => e.RequestMessage.Method == "POST" && e.RequestMessage.Path == path && (e.RequestMessage.Body ?? "").Contains(value, StringComparison.Ordinal))
            .Select(e => QueryHelpers.ParseQuery(e.RequestMessage.Body))];

    public void Dispose() => _server.Stop();

    private void Stub(string path, Func<Dictionary<string, StringValues>, string> body) =>
        _server.Given(Request.Create().WithPath(path).UsingPost())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(request => body(QueryHelpers.ParseQuery(request.Body))));
}
