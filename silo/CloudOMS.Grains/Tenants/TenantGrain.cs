using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace CloudOMS.Grains;

/// <summary>
/// Reentrant: every new order takes a number here, from a block saved once per <see cref="OrderNumbering.BlockSize"/>
/// orders (group-committed when blocks run out in a burst).
/// </summary>
[Reentrant]
public sealed class TenantGrain(
    [PersistentState(StorageNames.Tenant, StorageNames.Provider)] IPersistentState<TenantState> state,
    TimeProvider clock,
    ILogger<TenantGrain> logger) : Grain, ITenantGrain
{
    private readonly GroupCommit _commit = new(state.WriteStateAsync);
    private readonly ApiRateWindow _apiRate = new();
    private readonly OrderNumbering _numbers = new();

    /// <summary>The commit generation of the last block of order numbers reserved: none is handed out before it is saved.</summary>
    private long _blockGeneration;

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
        TenantQuotas.EnsureWritable(state.State.Entitlement);
        CompanyRules.Validate(details).ThrowIfAny();
        state.State.Profile = CompanyRules.Apply(state.State.Profile!, details);
        await Save();
        return state.State.Profile;
    }

    public async Task<string> NextOrderId()
    {
        RequireProfile();
        var (id, reserved) = _numbers.Next(state.State, clock.GetUtcNow());
        if (reserved)
        {
            _commit.Changed();
            _blockGeneration = _commit.Generation;
        }
        // Also a number from memory waits for its block's write (a caller may arrive while it is in flight).
        await _commit.Persist(this, logger, _blockGeneration);
        return id;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Deactivated in good order: the unused numbers go back, so only a crash leaves a gap (and counts it).
        if (!_numbers.GiveBack(state.State)) return;
        try
        {
            await Save();
        }
        catch (OutcomeUnknownException)
        {
            // The saved block stays reserved: its rest is skipped, as after a crash.
        }
    }

    public async Task<bool> ApplyEntitlement(Entitlement entitlement)
    {
        if (!TenantQuotas.Apply(state.State, entitlement)) return false;
        await Save();
        logger.LogInformation("Tenant {TenantId} now on plan {Plan} with {Access} access (entitlement {Version})",
            this.GetPrimaryKeyString(), entitlement.Plan, entitlement.Access, entitlement.Version);
        return true;
    }

    public Task<TenantBilling> GetBilling() =>
        Task.FromResult(new TenantBilling(state.State.Entitlement, TenantQuotas.Usage(state.State, clock.GetUtcNow(), _numbers.Unused)));

    public Task EnsureWritable()
    {
        TenantQuotas.EnsureWritable(state.State.Entitlement);
        return Task.CompletedTask;
    }

    public async Task TakeUsage(UsageKind kind)
    {
        // No profile check: counting needs none, and SKUs may be defined before the company's profile is written.
        TenantQuotas.Take(state.State, kind, clock.GetUtcNow());
        await Save();
    }

    public Task CheckUsage(UsageKind kind)
    {
        TenantQuotas.Check(state.State, kind, clock.GetUtcNow(), _numbers.Unused);
        return Task.CompletedTask;
    }

    public async Task ReturnUsage(UsageKind kind)
    {
        TenantQuotas.Return(state.State, kind);
        await Save();
    }

    public async Task CorrectUsage(UsageKind kind, int actual)
    {
        if (TenantQuotas.Correct(state.State, kind, actual)) await Save();
    }

    public Task<ApiAllowance> TakeApiCalls(int wanted) =>
        Task.FromResult(_apiRate.Take(state.State.Entitlement, wanted, clock.GetUtcNow()));

    public Task<IReadOnlyList<WarehouseRef>> GetWarehouses() =>
        Task.FromResult<IReadOnlyList<WarehouseRef>>([.. state.State.Warehouses]);

    public Task<OrderReviewSettings> GetOrderReview() => Task.FromResult(state.State.OrderReview ?? OrderReviewSettings.ByHand);

    public async Task<OrderReviewSettings> SetOrderReview(OrderReviewSettings settings)
    {
        RequireProfile();
        TenantQuotas.EnsureWritable(state.State.Entitlement);
        state.State.OrderReview = settings;
        await Save();
        return settings;
    }

    public async Task RegisterWarehouse(WarehouseRef warehouse, bool isNew)
    {
        RequireProfile();
        var index = state.State.Warehouses.FindIndex(w => w.Code == warehouse.Code);
        if (isNew && index >= 0)
            throw CommandException.Invalid("code", Msg.Of("WarehouseGrain.WarehouseCodeAlreadyExists", warehouse.Code));
        if (!isNew && index < 0)
            throw CommandException.NotFound(Msg.Of("WarehouseGrain.WarehouseNotFound", warehouse.Code));
        if (isNew) TenantQuotas.Take(state.State, UsageKind.Warehouses, clock.GetUtcNow());
        else TenantQuotas.EnsureWritable(state.State.Entitlement);
        if (index >= 0) state.State.Warehouses[index] = warehouse;
        else state.State.Warehouses.Add(warehouse);
        await Save();
    }

    private void RequireProfile()
    {
        if (state.State.Profile is null)
            throw CommandException.NotFound(Msg.Of("TenantGrain.TenantNotFound"));
    }

    private Task Save()
    {
        _commit.Changed();
        return _commit.Persist(this, logger);
    }
}
