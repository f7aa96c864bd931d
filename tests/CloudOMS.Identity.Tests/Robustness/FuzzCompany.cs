using System.Text.Json;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>
/// One of the two companies the fuzzer plays: an API client holding every permission, the marker and phone its
/// generated texts carry (the other company must never see them), and the ids it knows of, learnt as it goes.
/// </summary>
public sealed class FuzzCompany(string label, OmsClient api, string ownClientId, string marker, string phone)
{
    private readonly Dictionary<string, List<string>> _ids = [];
    private readonly List<string> _distinctive = [marker, phone];

    /// <summary>"A" (the demo tenant), "B" (the signed-up company) or "anonymous" (no token: the routes outside the document).</summary>
    public string Label => label;

    public OmsClient Api => api;

    /// <summary>The client the fuzzer calls with: never revoked by the walk, or the walk would end in 401s.</summary>
    public string OwnClientId => ownClientId;

    public string Marker => marker;

    public string Phone => phone;

    public FuzzCompany Other { get; set; } = null!;

    /// <summary>What must never show in this caller's answers: the other company's distinctive values (both companies' markers and phones for an anonymous caller).</summary>
    public IReadOnlyList<string> Foreign { get; set; } = [];

    /// <summary>What only this company has: the marker, the phone, its name, emails, customers' phones.</summary>
    public IReadOnlyList<string> Distinctive => _distinctive;

    public void AddDistinctive(string value)
    {
        if (value.Length >= 6 && !_distinctive.Contains(value)) _distinctive.Add(value);
    }

    /// <summary>The ids of one kind (order, sku, warehouse, role, user, client, invoice) this company has.</summary>
    public IReadOnlyList<string> Ids(string kind) => _ids.TryGetValue(kind, out var ids) ? ids : [];

    /// <summary>Called between rounds only, in request order, so a seed replays the same choices.</summary>
    public void Learn(string kind, string? id)
    {
        if (string.IsNullOrEmpty(id) || (kind == "client" && id == ownClientId)) return;
        var ids = _ids.TryGetValue(kind, out var list) ? list : _ids[kind] = [];
        if (!ids.Contains(id)) ids.Add(id);
    }

    /// <summary>Reads every list this company's API offers and learns the ids in it.</summary>
    public async Task LearnAll()
    {
        foreach (var (kind, path, property) in new[]
        {
            ("order", "/api/orders?pageSize=200", "orderId"), ("sku", "/api/skus?pageSize=200", "code"), ("warehouse", "/api/warehouses", "code"),
            ("role", "/api/roles", "id"), ("user", "/api/users", "id"), ("client", "/api/api-clients", "clientId"), ("invoice", "/api/billing/invoices", "id"),
            ("invitation", "/api/users/invitations", "id"),
        })
        {
            foreach (var id in Values(await api.Get<JsonElement>(path), property)) Learn(kind, id);
        }
    }

    /// <summary>The named property of every item of a list or of a page's items.</summary>
    public static IEnumerable<string> Values(JsonElement list, string property)
    {
        var items = list.ValueKind == JsonValueKind.Object && list.TryGetProperty("items", out var page) ? page : list;
        return items.ValueKind != JsonValueKind.Array ? []
            : items.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty(property, out var v) ? v.ToString() : null).OfType<string>();
    }
}
