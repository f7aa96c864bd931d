using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace CloudOMS.PlainOrders;

/// <summary>
/// POST /orders: 201 reserved, 409 short of stock (the short SKUs), 400 bad input; a resend answers its first outcome
/// (200 when it was reserved). Stock can be received and read, orders read back, for the load tool's checks.
/// Every route needs a bearer token signed with the key the tool started this service with.
/// </summary>
public static class OrderEndpoints
{
    public static void MapOrders(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("").RequireAuthorization();
        api.MapPost("/orders", Place);
        api.MapGet("/orders/{clientOrderId}", async Task<Results<Ok<StoredOrder>, NotFound>> (string clientOrderId, OrderStore store) =>
            await store.Find(clientOrderId) is { } order ? TypedResults.Ok(order) : TypedResults.NotFound());
        api.MapPost("/stock", async Task<Results<NoContent, ValidationProblem>> (Receipt[] receipts, OrderStore store) =>
        {
            if (receipts.Any(r => r.Sku is not { Length: > 0 and <= 64 } || r.Quantity is <= 0 or > OrderInput.MaxQuantity * 100))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["receipts"] = ["each needs a SKU and a positive quantity"] });
            await store.Receive(receipts);
            return TypedResults.NoContent();
        });
        api.MapGet("/stock", async (OrderStore store) => TypedResults.Ok(await store.Stock()));
    }

    private static async Task<IResult> Place(OrderInput order, OrderStore store, HttpContext http)
    {
        var errors = order.Errors();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        try
        {
            if (await store.Place(order) is { } answer)
                return answer.Status == OrderStore.Reserved ? TypedResults.Created($"/orders/{answer.ClientOrderId}", answer) : TypedResults.Conflict(answer);
            // Stored before: the first outcome, reserving nothing again.
            var stored = await store.Find(order.ClientOrderId!) ?? throw new InvalidOperationException($"order {order.ClientOrderId} vanished");
            var first = new OrderAnswer(stored.ClientOrderId, stored.Status, stored.ShortSkus);
            return first.Status == OrderStore.Reserved ? TypedResults.Ok(first) : TypedResults.Conflict(first);
        }
        catch (NpgsqlException error) when (error.IsTransient)
        {
            http.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem("the database is unavailable; send the same order again", statusCode: 503);
        }
    }
}
