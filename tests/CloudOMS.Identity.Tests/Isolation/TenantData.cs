namespace CloudOMS.Identity.Tests.Isolation;

/// <summary>
/// A signed-up company with the same codes as its neighbour (warehouses, SKUs, channel order numbers,
/// order numbers of the day) but names, customers and phones that carry its own <see cref="Marker"/>.
/// </summary>
public sealed record TenantData(
    Company Company,
    OmsClient Admin,
    string Marker,
    string Phone,
    IReadOnlyList<string> OrderIds,
    IReadOnlyList<string> RoleIds,
    IReadOnlyList<string> UserIds,
    string ClientId,
    string MemberEmail,
    string InvoiceId,
    string InvoiceReference,
    string InvitationId)
{
    public static readonly string[] Warehouses = ["WH-MAIN", "WH-EAST"];
    public static readonly string[] Skus = ["SKU-001", "SKU-002"];
    public const string ChannelOrderNo = "TB-ISO-0001";

    /// <summary>What only this company has; none of it may show in the other company's answers.</summary>
    public IReadOnlyList<string> Distinctive => [Marker, Phone, Company.Email, MemberEmail, ClientId, InvoiceReference];

    public static async Task<TenantData> Create(IdentityPortal portal, string prefix)
    {
        var marker = prefix + Guid.NewGuid().ToString("N")[..10];
        var (company, admin) = await portal.NewCompany(Companies.NewSignup() with { CompanyName = $"{marker} 商贸" });
        foreach (var (code, i) in Warehouses.Select((c, i) => (c, i)))
            await admin.Post<WarehouseView>("/api/warehouses", new WarehouseBody(code, $"{marker} 仓 {i}", "山东省", "临沂市", $"{marker} 路 {i} 号", i + 1), HttpStatusCode.Created);
        foreach (var code in Skus)
        {
            await admin.Post<SkuView>("/api/skus", new SkuBody(code, $"{marker} 商品 {code}", null, "个", 10m, 0.5m, 1), HttpStatusCode.Created);
            await admin.Receive(code, Warehouses[0], 50);
        }

        var phone = Unique.Phone();
        var customer = new CustomerBody($"{marker} 客户", phone, "山东省", "临沂市", $"{marker} 街 8 号");
        var lines = new[] { NewOrder.Line(Skus[0], 2), NewOrder.Line(Skus[1], 1) };
        var approved = await admin.Act((await admin.CreateOrder(new OrderBody("manual", null, customer, lines))).OrderId, "approve");
        await admin.Act(approved.OrderId, "payments", new { amount = 5m, method = "alipay", reference = marker });
        var channel = await admin.CreateOrder(new OrderBody("taobao", ChannelOrderNo, customer, lines, Note: $"{marker} 备注"));
        var draft = await admin.CreateOrder(new OrderBody("manual", null, customer, lines, Draft: true));

        var role = await admin.Post<RoleView>("/api/roles", new { name = $"{marker} 角色", permissions = new[] { "orders.view" }, warehouses = new[] { Warehouses[0] } }, HttpStatusCode.Created);
        var client = await admin.Post<NewApiClientView>("/api/api-clients", new ApiClientBody($"{marker} 接口", ["orders.view"]), HttpStatusCode.Created);
        var memberEmail = Companies.NewEmail(prefix.ToLowerInvariant());
        var memberId = await portal.Invite(admin, "财务", memberEmail);
        var invitation = await admin.Post<System.Text.Json.JsonElement>("/api/users/invitations", new InviteBody(Companies.NewEmail("pending"), [role.Id]), HttpStatusCode.Created);
        var roles = await admin.Get<List<RoleView>>("/api/roles");
        var invoice = (await admin.Post<System.Text.Json.JsonElement>("/api/billing/change", new { plan = "enterprise", cycle = "Monthly" })).GetProperty("invoice");

        return new TenantData(company, admin, marker, phone, [approved.OrderId, channel.OrderId, draft.OrderId],
            [.. roles.Select(r => r.Id)], [company.UserId, memberId], client.ClientId, memberEmail,
            invoice.GetProperty("id").GetString()!, invoice.GetProperty("reference").GetString()!, invitation.GetProperty("id").GetString()!);
    }

    /// <summary>Values for a route's parameters: this company's ids and codes.</summary>
    public IReadOnlyList<string> ValuesFor(ApiRoute route, string parameter) => parameter switch
    {
        "orderId" => OrderIds,
        "skuCode" => Skus,
        "code" when route.Pattern.StartsWith("/api/skus/", StringComparison.Ordinal) => Skus,
        "code" when route.Pattern.StartsWith("/api/warehouses/", StringComparison.Ordinal) => Warehouses,
        "roleId" => RoleIds,
        "userId" => UserIds,
        "clientId" => [ClientId],
        "invoiceId" => [InvoiceId],
        "invitationId" => [InvitationId],
        _ => throw new InvalidOperationException($"The isolation test does not know what to put in {{{parameter}}} of {route}: add it to TenantData.ValuesFor."),
    };

    /// <summary>Every call of a route with this company's ids: one per value of its parameter (routes have at most one).</summary>
    public IEnumerable<string> Paths(ApiRoute route) => route.Parameters.Count switch
    {
        0 => [route.Pattern],
        1 => ValuesFor(route, route.Parameters[0]).Select(v => route.Path(_ => v)),
        _ => throw new InvalidOperationException($"{route} has several parameters: teach TenantData.Paths to combine them."),
    };
}
