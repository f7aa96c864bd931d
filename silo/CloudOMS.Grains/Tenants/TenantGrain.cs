using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace CloudOMS.Grains;

/// <summary>Reentrant: every new order takes a number here, so numbers are group-committed.</summary>
[Reentrant]
public sealed class TenantGrain(
    [PersistentState(StorageNames.Tenant, StorageNames.Provider)] IPersistentState<TenantState> state,
    TimeProvider clock,
    ILogger<TenantGrain> logger) : Grain, ITenantGrain
{
    private readonly GroupCommit _commit = new(state.WriteStateAsync);

    public async Task<TenantProfile> Create(TenantProfile profile)
    {
        if (state.State.Profile is { } existing) return existing;
        state.State.Profile = profile;
        await Save();
        return profile;
    }

    public Task<TenantProfile?> GetProfile() => Task.FromResult(state.State.Profile);

    public async Task<TenantProfile> UpdateDetails(CompanyDetails details)
    {
        RequireProfile();
        CompanyRules.Validate(details).ThrowIfAny();
        state.State.Profile = CompanyRules.Apply(state.State.Profile!, details);
        await Save();
        return state.State.Profile;
    }

    public async Task<string> NextOrderId()
    {
        RequireProfile();
        var id = OrderNumbering.Next(state.State, clock.GetUtcNow());
        await Save();
        return id;
    }

    public Task<IReadOnlyList<WarehouseRef>> GetWarehouses() =>
        Task.FromResult<IReadOnlyList<WarehouseRef>>([.. state.State.Warehouses]);

    public async Task RegisterWarehouse(WarehouseRef warehouse, bool isNew)
    {
        RequireProfile();
        var index = state.State.Warehouses.FindIndex(w => w.Code == warehouse.Code);
        if (isNew && index >= 0)
            throw CommandException.Invalid("code", $"仓库编码 {warehouse.Code} 已存在 / warehouse code already exists");
        if (!isNew && index < 0)
            throw CommandException.NotFound($"仓库 {warehouse.Code} 不存在 / warehouse not found");
        if (index >= 0) state.State.Warehouses[index] = warehouse;
        else state.State.Warehouses.Add(warehouse);
        await Save();
    }

    private void RequireProfile()
    {
        if (state.State.Profile is null)
            throw CommandException.NotFound("租户不存在 / tenant not found");
    }

    private Task Save()
    {
        _commit.Changed();
        return _commit.Persist(this, logger);
    }
}
