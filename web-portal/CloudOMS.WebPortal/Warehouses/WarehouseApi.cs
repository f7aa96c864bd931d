using CloudOMS.Grains;
using CloudOMS.Identity.Access;
using CloudOMS.Silo.ReadModel;
using CloudOMS.Silo.Tenancy;
using CloudOMS.WebPortal.Api;
using CloudOMS.WebPortal.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.WebPortal.Warehouses;

public sealed record WarehouseInput(string? Code, string? Name, string? Province, string? City, string? Address, int Priority);

public static class WarehouseApi
{
    public static IEndpointRouteBuilder MapWarehouseApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/warehouses").WithTags("Warehouses").WithProblems();
        api.MapGet("/", List).WithSummary("List warehouses (read model)").RequirePermission(Permissions.InventoryView);
        api.MapGet("/{code}", Get).WithSummary("One warehouse").RequirePermission(Permissions.InventoryView);
        api.MapPost("/", Create).WithSummary("Create a warehouse").RequirePermission(Permissions.WarehousesManage);
        api.MapPut("/{code}", Update).WithSummary("Edit a warehouse").RequirePermission(Permissions.WarehousesManage);
        api.MapPost("/{code}/deactivate", (string code, DeactivationInput? input, CurrentAccess access, AuditLog audit, IGrainFactory grains) => SetActive(code, false, input?.Reason, access, audit, grains))
            .WithSummary("Deactivate: no new allocation to it. The optional reason (at most 100 characters) is kept in the audit log").RequirePermission(Permissions.WarehousesManage);
        api.MapPost("/{code}/activate", (string code, CurrentAccess access, AuditLog audit, IGrainFactory grains) => SetActive(code, true, null, access, audit, grains))
            .WithSummary("Activate again").RequirePermission(Permissions.WarehousesManage);
        return routes;
    }

    private static async Task<Ok<List<WarehouseRow>>> List(ReadModelDbContext db, CurrentUser user, bool includeInactive = true) =>
        TypedResults.Ok(await WarehouseQueries.Visible(db.Warehouses, user.Warehouses).Where(w => includeInactive || w.Active).ToListAsync());


    private static async Task<Results<Ok<WarehouseInfo>, NotFound>> Get(string code, TenantContext tenant, CurrentUser user, IGrainFactory grains) =>
        Limits.IsCode(code) && user.Sees(code) && await grains.Warehouse(tenant.Required, code).Get() is { } info
            ? TypedResults.Ok(info)
            : TypedResults.NotFound();

    private static async Task<Results<Created<WarehouseInfo>, ValidationProblem>> Create(WarehouseInput input, TenantContext tenant, IGrainFactory grains)
    {
        var errors = WarehouseCommands.Validate(input);
        errors.Code("code", input.Code, Msg.Of("Label.WarehouseCode"));
        if (errors.Any) return ApiProblems.Invalid(errors);
        var info = await grains.Warehouse(tenant.Required, input.Code!).Create(WarehouseCommands.Draft(input));
        return TypedResults.Created($"/api/warehouses/{info.Code}", info);
    }

    private static async Task<Results<Ok<WarehouseInfo>, ValidationProblem>> Update(string code, WarehouseInput input, TenantContext tenant, CurrentUser user, IGrainFactory grains)
    {
        var (info, errors) = await WarehouseCommands.Update(grains, tenant.Required, user.Sees, code, input);
        return info is null ? ApiProblems.Invalid(errors) : TypedResults.Ok(info);
    }

    private static async Task<Results<Ok<WarehouseInfo>, ValidationProblem>> SetActive(string code, bool active, string? reason, CurrentAccess access, AuditLog audit, IGrainFactory grains)
    {
        var errors = Deactivations.Validate(reason, required: false);
        if (errors.Any) return ApiProblems.Invalid(errors);
        return TypedResults.Ok(await WarehouseCommands.SetActive(grains, audit, access.Required, access.Sees, code, active, reason));
    }



}
