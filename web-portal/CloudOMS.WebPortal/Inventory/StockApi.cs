using CloudOMS.Grains;
using CloudOMS.Identity.Access;
using CloudOMS.Silo.Audit;
using CloudOMS.Silo.ReadModel;
using CloudOMS.Silo.Tenancy;
using CloudOMS.WebPortal.Api;
using CloudOMS.WebPortal.Tenants;
using CloudOMS.WebPortal.Warehouses;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Inventory;

/// <summary>
/// A stock movement. <see cref="OperationId"/> (or the Idempotency-Key header) makes a retry safe:
/// the same id is applied once. Adjust takes a signed quantity and needs a reason.
/// </summary>
public sealed record StockMoveInput(string? SkuCode, string? Warehouse, int Quantity, string? Reason, string? ToWarehouse = null, string? OperationId = null);

public static class StockApi
{
    public static IEndpointRouteBuilder MapStockApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/stock").WithTags("Stock").WithProblems();
        api.MapGet("/", List).WithSummary("Stock per SKU and warehouse: on-hand, reserved, available (read model, paged)").RequirePermission(Permissions.InventoryView);
        api.MapGet("/low", Low).WithSummary("SKU/warehouse pairs at or below safety stock").RequirePermission(Permissions.InventoryView);
        api.MapGet("/movements", Movements).WithSummary("Receipts, adjustments and transfers, newest first").RequirePermission(Permissions.InventoryView);
        api.MapGet("/{skuCode}", BySku).WithSummary("Current stock of one SKU in every warehouse").RequirePermission(Permissions.InventoryView);
        api.MapPost("/receive", (StockMoveInput input, [FromHeader(Name = "Idempotency-Key")] string? key, [AsParameters] Ctx ctx) => Move(StockMoveKind.Receive, input, key, ctx))
            .WithSummary("Receive goods into a warehouse").RequirePermission(Permissions.InventoryAdjust);
        api.MapPost("/adjust", (StockMoveInput input, [FromHeader(Name = "Idempotency-Key")] string? key, [AsParameters] Ctx ctx) => Move(StockMoveKind.Adjust, input, key, ctx))
            .WithSummary("Correct on-hand by a signed quantity, with a reason").RequirePermission(Permissions.InventoryAdjust);
        api.MapPost("/transfer", (StockMoveInput input, [FromHeader(Name = "Idempotency-Key")] string? key, [AsParameters] Ctx ctx) => Move(StockMoveKind.Transfer, input, key, ctx))
            .WithSummary("Move available stock from one warehouse to another").RequirePermission(Permissions.InventoryAdjust);
        api.MapPost("/safety", (StockMoveInput input, [FromHeader(Name = "Idempotency-Key")] string? key, [AsParameters] Ctx ctx) => Move(StockMoveKind.SetSafetyStock, input, key, ctx))
            .WithSummary("Set the safety stock of a SKU in one warehouse").RequirePermission(Permissions.InventoryAdjust);
        api.MapPost("/audit", RunAudit).WithSummary("Recompute reserved stock from the orders now and report any drift").RequirePermission(Permissions.InventoryAdjust);
        api.MapGet("/audit", LastAudit).WithSummary("The last stock audit report").RequirePermission(Permissions.InventoryView);
        return routes;
    }

    /// <summary>What every movement handler needs from the request.</summary>
    public sealed record Ctx(TenantContext Tenant, CurrentUser User, IGrainFactory Grains);

    private static async Task<Results<Ok<SkuSnapshot>, ValidationProblem>> Move(StockMoveKind kind, StockMoveInput input, string? idempotencyKey, Ctx ctx)
    {
        var errors = new FieldErrors();
        errors.Code("skuCode", input.SkuCode, Msg.Of("Label.SKUCode"));
        var reasonRequired = kind is StockMoveKind.Adjust;
        if (reasonRequired) errors.Required("reason", input.Reason, Limits.ShortText * 2, Msg.Of("Label.ReasonForTheAdjustment"));
        else errors.MaxLength("reason", input.Reason, Limits.ShortText * 2, Msg.Of("Label.Note"));
        var key = input.OperationId ?? idempotencyKey;
        IdempotencyKeys.Check(errors, input.OperationId is null ? IdempotencyKeys.Header : "operationId", key);
        switch (kind)
        {
            case StockMoveKind.Adjust when input.Quantity is 0 or < -Limits.MaxQuantity or > Limits.MaxQuantity:
                errors.Add("quantity", Msg.Of("StockApi.QuantityNonZeroWithin", Limits.MaxQuantity));
                break;
            case StockMoveKind.SetSafetyStock when input.Quantity < 0 || input.Quantity > Limits.MaxQuantity:
                errors.Add("quantity", Msg.Of("StockApi.SafetyStockNotNegative"));
                break;
            case StockMoveKind.Receive or StockMoveKind.Transfer:
                errors.Quantity("quantity", input.Quantity);
                break;
        }
        var tenantId = ctx.Tenant.Required;
        await WarehouseChecks.Known(ctx.Grains, tenantId, errors,
            kind == StockMoveKind.Transfer
                ? [("warehouse", input.Warehouse, false), ("toWarehouse", input.ToWarehouse, true)]
                : [("warehouse", input.Warehouse, kind == StockMoveKind.Receive)]);
        foreach (var (field, code) in new[] { ("warehouse", input.Warehouse), ("toWarehouse", input.ToWarehouse) })
            if (code is not null && !ctx.User.Sees(code)) errors.Add(field, Msg.Of("StockApi.YouMayNotWorkWarehouse", code));
        if (kind == StockMoveKind.Transfer && input.Warehouse == input.ToWarehouse)
            errors.Add("toWarehouse", Msg.Of("StockApi.ChooseDifferentDestinationWarehouse"));
        if (errors.Any) return ApiProblems.Invalid(errors);

        var sku = ctx.Grains.Sku(tenantId, input.SkuCode!);
        if (await sku.Get() is null) return ApiProblems.Invalid("skuCode", Msg.Get("StockApi.UnknownSKU", input.SkuCode));
        var move = new StockMove(key ?? Guid.NewGuid().ToString("N"), kind, input.Warehouse!, input.Quantity, input.ToWarehouse, input.Reason?.Trim() ?? "", ctx.User.Name);
        if (key is null) return TypedResults.Ok(await sku.Move(move));

        // The key stands for this one movement of this SKU: another body with it is refused, the same body again is
        // answered without moving stock twice (even after the SKU grain has forgotten the operation).
        var binding = ctx.Grains.IdempotencyKey(tenantId, key);
        if (await binding.Claim(IdempotencyKeys.Fingerprint("stock." + kind, input with { OperationId = null }))) return TypedResults.Ok((await sku.Get())!);
        SkuSnapshot moved;
        try
        {
            moved = await sku.Move(move);
        }
        catch (CommandException)
        {
            await binding.Release();
            throw;
        }
        await binding.Complete();
        return TypedResults.Ok(moved);
    }

    private static async Task<Ok<Page<StockRow>>> List(ReadModelDbContext db, CurrentUser user, string? skuCode, string? warehouse, int? page, int? pageSize)
    {
        var (number, size) = Paging.Normalize(page, pageSize);
        var query = Scoped(db.Stock, user);
        if (!string.IsNullOrWhiteSpace(skuCode)) query = query.Where(s => s.SkuCode == skuCode);
        if (!string.IsNullOrWhiteSpace(warehouse)) query = query.Where(s => s.WarehouseCode == warehouse);
        var total = await query.CountAsync();
        var items = await query.OrderBy(s => s.SkuCode).ThenBy(s => s.WarehouseCode).Skip((number - 1) * size).Take(size).ToListAsync();
        return TypedResults.Ok(new Page<StockRow>(items, total, number, size));
    }

    private static async Task<Ok<List<StockRow>>> Low(ReadModelDbContext db, CurrentUser user, string? warehouse) =>
        TypedResults.Ok(await Scoped(db.Stock, user)
            .Where(s => s.Available <= s.SafetyStock && (string.IsNullOrWhiteSpace(warehouse) || s.WarehouseCode == warehouse))
            .OrderBy(s => s.Available - s.SafetyStock).ThenBy(s => s.SkuCode)
            .Take(500)
            .ToListAsync());

    private static async Task<Ok<Page<StockMovementRow>>> Movements(ReadModelDbContext db, CurrentUser user, string? skuCode, int? page, int? pageSize) =>
        TypedResults.Ok(await StockQueries.MovementPage(db.StockMovements, user.Warehouses, skuCode, page, pageSize));


    private static async Task<Results<Ok<IReadOnlyList<StockLevelInfo>>, NotFound>> BySku(string skuCode, TenantContext tenant, CurrentUser user, IGrainFactory grains) =>
        Limits.IsCode(skuCode) && await grains.Sku(tenant.Required, skuCode).Get() is { } sku
            ? TypedResults.Ok<IReadOnlyList<StockLevelInfo>>([.. sku.Levels.Where(l => user.Sees(l.Warehouse))])
            : TypedResults.NotFound();

    private static IQueryable<StockRow> Scoped(IQueryable<StockRow> stock, CurrentUser user)
    {
        var scope = user.Warehouses;
        return stock.Where(s => scope == null || scope.Contains(s.WarehouseCode));
    }

    private static async Task<Ok<StockAuditReport>> RunAudit(TenantContext tenant, StockAuditService audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.Run(tenant.Required, cancellationToken));

    private static Results<Ok<StockAuditReport>, NotFound> LastAudit(TenantContext tenant, StockAuditService audit) =>
        audit.LastReport(tenant.Required) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound();
}
