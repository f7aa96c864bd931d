using CloudOMS.Grains;
using CloudOMS.Identity.Access;
using CloudOMS.Silo.ReadModel;
using CloudOMS.Silo.Tenancy;
using CloudOMS.WebPortal.Api;
using CloudOMS.WebPortal.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Inventory;

public sealed record SkuInput(string? Code, string? Name, string? Barcode, string? Unit, decimal Price, decimal WeightKg, int SafetyStock);

public static class SkuApi
{
    public static IEndpointRouteBuilder MapSkuApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/skus").WithTags("SKUs").WithProblems();
        api.MapGet("/", List).WithSummary("List or search SKUs by code, name or barcode, optionally only active or inactive ones (read model, paged)").RequirePermission(Permissions.InventoryView);
        api.MapGet("/{code}", Get).WithSummary("One SKU with stock per warehouse").RequirePermission(Permissions.InventoryView);
        api.MapPost("/", Create).WithSummary("Create a SKU").RequirePermission(Permissions.SkusManage);
        api.MapPut("/{code}", Update).WithSummary("Edit a SKU (the code stays)").RequirePermission(Permissions.SkusManage);
        api.MapPost("/{code}/deactivate", (string code, DeactivationInput? input, CurrentAccess access, AuditLog audit, IGrainFactory grains) => SetActive(code, false, input?.Reason, access, audit, grains))
            .WithSummary("Deactivate: no new orders or reservations; orders holding it still ship or cancel. The optional reason (at most 100 characters) is kept in the audit log").RequirePermission(Permissions.SkusManage);
        api.MapPost("/{code}/activate", (string code, CurrentAccess access, AuditLog audit, IGrainFactory grains) => SetActive(code, true, null, access, audit, grains))
            .WithSummary("Activate again").RequirePermission(Permissions.SkusManage);
        return routes;
    }

    private static async Task<Ok<Page<SkuRow>>> List(ReadModelDbContext db, string? search, bool? active, int? page, int? pageSize) =>
        TypedResults.Ok(await SkuQueries.Search(db.Skus, search, active, page, pageSize));


    private static async Task<Results<Ok<SkuSnapshot>, NotFound>> Get(string code, TenantContext tenant, CurrentUser user, IGrainFactory grains) =>
        Limits.IsCode(code) && await grains.Sku(tenant.Required, code).Get() is { } sku
            ? TypedResults.Ok(sku with { Levels = [.. sku.Levels.Where(l => user.Sees(l.Warehouse))] })
            : TypedResults.NotFound();

    private static async Task<Results<Created<SkuSnapshot>, ValidationProblem>> Create(SkuInput input, TenantContext tenant, IGrainFactory grains)
    {
        var errors = SkuCommands.Validate(input);
        errors.Code("code", input.Code, Msg.Of("Label.SKUCode"));
        if (errors.Any) return ApiProblems.Invalid(errors);
        var sku = await grains.Sku(tenant.Required, input.Code!).Define(SkuCommands.Profile(input.Code!, input), isNew: true);
        return TypedResults.Created($"/api/skus/{input.Code}", sku);
    }

    private static async Task<Results<Ok<SkuSnapshot>, ValidationProblem>> Update(string code, SkuInput input, TenantContext tenant, IGrainFactory grains)
    {
        var (sku, errors) = await SkuCommands.Update(grains, tenant.Required, code, input);
        return sku is null ? ApiProblems.Invalid(errors) : TypedResults.Ok(sku);
    }

    private static async Task<Results<Ok<SkuSnapshot>, ValidationProblem>> SetActive(string code, bool active, string? reason, CurrentAccess access, AuditLog audit, IGrainFactory grains)
    {
        var errors = Deactivations.Validate(reason, required: false);
        if (errors.Any) return ApiProblems.Invalid(errors);
        return TypedResults.Ok(await SkuCommands.SetActive(grains, audit, access.Required, code, active, reason));
    }
}
