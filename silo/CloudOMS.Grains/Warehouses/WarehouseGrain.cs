namespace CloudOMS.Grains;

public sealed class WarehouseGrain(
    [PersistentState(StorageNames.Warehouse, StorageNames.Provider)] IPersistentState<WarehouseState> state)
    : Grain, IWarehouseGrain
{
    private string Code => GrainKeys.TryParseId(this.GetPrimaryKeyString());

    private ITenantGrain Tenant => GrainFactory.Tenant(GrainKeys.TenantIdOf(this.GetPrimaryKeyString()));

    public async Task<WarehouseInfo> Create(WarehouseDraft draft)
    {
        if (state.State.Info is not null)
            throw CommandException.Invalid("code", Msg.Of("WarehouseGrain.WarehouseCodeAlreadyExists", Code));
        draft = Clean(draft);
        var info = new WarehouseInfo(Code, draft.Name, draft.Province, draft.City, draft.Address, draft.Priority, Active: true);
        // The tenant's directory is what allocation reads, so it is written first.
        await Tenant.RegisterWarehouse(new WarehouseRef(Code, info.Priority, info.Active), isNew: true);
        return await Save(info);
    }

    public async Task<WarehouseInfo> Update(WarehouseDraft draft)
    {
        var current = Require();
        draft = Clean(draft);
        var info = current with { Name = draft.Name, Province = draft.Province, City = draft.City, Address = draft.Address, Priority = draft.Priority };
        await Tenant.RegisterWarehouse(new WarehouseRef(Code, info.Priority, info.Active), isNew: false);
        return await Save(info);
    }

    public async Task<WarehouseInfo> SetActive(bool active)
    {
        var info = Require() with { Active = active };
        await Tenant.RegisterWarehouse(new WarehouseRef(Code, info.Priority, info.Active), isNew: false);
        return await Save(info);
    }

    public Task<WarehouseInfo?> Get() => Task.FromResult(state.State.Info);

    /// <summary>The draft's text refused (see <see cref="TextRules"/>) or stored in normal form, trimmed.</summary>
    private static WarehouseDraft Clean(WarehouseDraft draft)
    {
        TextRules.Ensure(("name", draft.Name), ("province", draft.Province), ("city", draft.City), ("address", draft.Address));
        return draft with { Name = TextRules.Clean(draft.Name)!, Province = TextRules.Clean(draft.Province)!, City = TextRules.Clean(draft.City)!, Address = TextRules.Clean(draft.Address)! };
    }

    private WarehouseInfo Require() =>
        state.State.Info ?? throw CommandException.NotFound(Msg.Of("WarehouseGrain.WarehouseNotFound", Code));

    private async Task<WarehouseInfo> Save(WarehouseInfo info)
    {
        state.State.Info = info;
        await state.WriteStateAsync();
        return info;
    }
}
