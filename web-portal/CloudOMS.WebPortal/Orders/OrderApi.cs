using CloudOMS.Grains;
using CloudOMS.Identity.Access;
using CloudOMS.Silo.ReadModel;
using CloudOMS.Silo.Tenancy;
using CloudOMS.WebPortal.Api;
using CloudOMS.WebPortal.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CloudOMS.WebPortal.Orders;

public static class OrderApi
{
    public static IEndpointRouteBuilder MapOrderApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/orders").WithTags("Orders").WithProblems();
        api.MapGet("/", List).WithSummary("Search orders (read model, paged, newest first)").RequirePermission(Permissions.OrdersView);
        api.MapGet("/{orderId}", Get).WithSummary("One order with lines, allocation, payments and timeline").RequirePermission(Permissions.OrdersView);
        api.MapPost("/", Create).WithSummary("Create an order (approved at once when 自动审核 is on; review outcome in review); the same channel + external order no. returns the existing order").RequirePermission(Permissions.OrdersEdit);
        api.MapPost("/{orderId}/submit", (string orderId, [AsParameters] Ctx c) => Act(orderId, c, (o, u) => o.Submit(u))).WithSummary("Draft → pending review").RequirePermission(OrderActionRights.Permission(OrderAction.Submit));
        api.MapPost("/{orderId}/approve", (string orderId, [AsParameters] Ctx c) => Act(orderId, c, (o, u) => o.Approve(u)))
            .WithSummary("Review: reserve stock in the best warehouse that has it all, or 409 with the short SKUs").RequirePermission(OrderActionRights.Permission(OrderAction.Approve));
        api.MapPost("/{orderId}/hold", (string orderId, ReasonInput? input, [AsParameters] Ctx c) => WithReason(orderId, input, c, (o, u, r) => o.Hold(u, r)))
            .WithSummary("Put on hold").RequirePermission(OrderActionRights.Permission(OrderAction.Hold));
        api.MapPost("/{orderId}/release-hold", (string orderId, [AsParameters] Ctx c) => Act(orderId, c, (o, u) => o.ReleaseHold(u))).WithSummary("Take off hold").RequirePermission(OrderActionRights.Permission(OrderAction.ReleaseHold));
        api.MapPost("/{orderId}/cancel", (string orderId, ReasonInput? input, [AsParameters] Ctx c) => WithReason(orderId, input, c, (o, u, r) => o.Cancel(u, r)))
            .WithSummary("Cancel; reserved stock is released").RequirePermission(OrderActionRights.Permission(OrderAction.Cancel));
        api.MapPost("/{orderId}/pick", (string orderId, [AsParameters] Ctx c) => Act(orderId, c, (o, u) => o.StartPicking(u))).WithSummary("Start picking").RequirePermission(OrderActionRights.Permission(OrderAction.StartPicking));
        api.MapPost("/{orderId}/ship", Ship).WithSummary("Ship with carrier and tracking no.; stock leaves the warehouse").RequirePermission(OrderActionRights.Permission(OrderAction.Ship));
        api.MapPost("/{orderId}/deliver", (string orderId, [AsParameters] Ctx c) => Act(orderId, c, (o, u) => o.MarkDelivered(u))).WithSummary("Mark delivered").RequirePermission(OrderActionRights.Permission(OrderAction.Deliver));
        api.MapPost("/{orderId}/complete", (string orderId, [AsParameters] Ctx c) => Act(orderId, c, (o, u) => o.Complete(u))).WithSummary("Complete").RequirePermission(OrderActionRights.Permission(OrderAction.Complete));
        api.MapPost("/{orderId}/payments", Pay).WithSummary("Record a payment (amount, method, reference)").RequirePermission(OrderActionRights.Permission(OrderAction.Pay));
        routes.MapGet("/api/catalogues", () => TypedResults.Ok(new { Channels = Channels.All, Carriers = Carriers.All, PaymentMethods = PaymentMethods.All }))
            .WithTags("Orders").WithSummary("Channels, carriers and payment methods").RequirePermission(RequiresPermission.AnyMember);
        return routes;
    }

    /// <summary>What every order handler needs from the request.</summary>
    public sealed record Ctx(TenantContext Tenant, CurrentUser User, IGrainFactory Grains)
    {
        public IOrderGrain Order(string orderId) => Grains.Order(Tenant.Required, orderId);

        /// <summary>Whether the order exists and lies in the caller's warehouses (a scoped user sees allocated orders only).</summary>
        public Task<bool> Visible(string orderId) => OrderCommands.InScope(Order(orderId), orderId, User.Warehouses, User.Sees);
    }

    private static async Task<Results<Ok<Page<OrderSummary>>, ValidationProblem>> List([AsParameters] OrderQuery query, ReadModelDbContext db, CurrentUser user)
    {
        var errors = query.Validate();
        return errors.Any ? ApiProblems.Invalid(errors) : TypedResults.Ok(await query.Run(db, user.Warehouses));
    }

    private static async Task<Results<Ok<OrderDto>, NotFound>> Get(string orderId, [AsParameters] Ctx c) =>
        Limits.IsCode(orderId) && await c.Order(orderId).Get() is { } order && c.User.Sees(order.Warehouse) ? TypedResults.Ok(OrderDto.From(order)) : TypedResults.NotFound();

    private static async Task<Results<Created<OrderDto>, Ok<OrderDto>, ValidationProblem>> Create(OrderInput input,
        [FromHeader(Name = IdempotencyKeys.Header)] string? key, [AsParameters] Ctx c, OrderIntake intake)
    {
        var command = input.ToCommand(c.User.Name);
        if (input.Customer is null) return ApiProblems.Invalid("customer", Msg.Get("OrderApi.CustomerRequired"));
        var keyErrors = new FieldErrors();
        IdempotencyKeys.Check(keyErrors, IdempotencyKeys.Header, key);
        if (keyErrors.Any) return ApiProblems.Invalid(keyErrors);
        var errors = await intake.Validate(c.Tenant.Required, command);
        if (!errors.Any && !input.DiscountFits()) errors.Add("discount", Msg.Of("OrderApi.DiscountAboveGoods"));
        if (errors.Any) return ApiProblems.Invalid(errors);
        var result = await intake.Create(c.Tenant.Required, command, key, key is null ? null : IdempotencyKeys.Fingerprint("orders.create", input));
        var dto = OrderDto.From(result);
        return result.Created ? TypedResults.Created($"/api/orders/{dto.OrderId}", dto) : TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<OrderDto>, NotFound>> Act(string orderId, Ctx c, Func<IOrderGrain, string, Task<OrderSnapshot>> action) =>
        await c.Visible(orderId) ? TypedResults.Ok(OrderDto.From(await action(c.Order(orderId), c.User.Name))) : TypedResults.NotFound();

    private static async Task<Results<Ok<OrderDto>, NotFound, ValidationProblem>> WithReason(
        string orderId, ReasonInput? input, Ctx c, Func<IOrderGrain, string, string, Task<OrderSnapshot>> action)
    {
        if (input?.Reason?.Length > Limits.ShortText * 2) return ApiProblems.Invalid("reason", Msg.Get("OrderApi.ReasonMostCharacters"));
        if (!await c.Visible(orderId)) return TypedResults.NotFound();
        return TypedResults.Ok(OrderDto.From(await action(c.Order(orderId), c.User.Name, input?.Reason?.Trim() ?? "")));
    }

    private static async Task<Results<Ok<OrderDto>, NotFound, ValidationProblem>> Ship(string orderId, ShipInput input, [AsParameters] Ctx c)
    {
        var errors = OrderCommands.ShipmentErrors(input.Carrier, input.TrackingNo);
        if (errors.Any) return ApiProblems.Invalid(errors);
        if (!await c.Visible(orderId)) return TypedResults.NotFound();
        return TypedResults.Ok(OrderDto.From(await c.Order(orderId).Ship(c.User.Name, input.Carrier!, input.TrackingNo!.Trim())));
    }

    private static async Task<Results<Ok<OrderDto>, NotFound, ValidationProblem>> Pay(string orderId, PaymentBody input, [AsParameters] Ctx c)
    {
        var errors = new FieldErrors();
        if (input.Amount <= 0 || input.Amount > Limits.MaxMoney || decimal.Round(input.Amount, 2) != input.Amount)
            errors.Add("amount", Msg.Of("OrderApi.AmountAboveMostDecimals"));
        if (!PaymentMethods.IsKnown(input.Method))
            errors.Add("method", Msg.Of("OrderApi.UnknownPaymentMethod", string.Join("、", PaymentMethods.All.Select(x => x.Code))));
        errors.MaxLength("reference", input.Reference, 64, Msg.Of("Label.Reference"));
        if (errors.Any) return ApiProblems.Invalid(errors);
        if (!await c.Visible(orderId)) return TypedResults.NotFound();
        var payment = new PaymentInput(input.Amount, input.Method!, string.IsNullOrWhiteSpace(input.Reference) ? null : input.Reference.Trim());
        return TypedResults.Ok(OrderDto.From(await c.Order(orderId).RecordPayment(c.User.Name, payment)));
    }
}
