namespace CloudOMS.WebPortal.Tests.Containment;

/// <summary>
/// Text from outside is stored in normal form C and trimmed; control characters (U+0000 above all: PostgreSQL text
/// cannot hold it), bidi overrides, U+FEFF and lone surrogates are refused with a field error, and nothing is saved.
/// </summary>
[Collection(StockPortal.Name)]
public sealed class TextInputTests(PortalFactory portal)
{
    private readonly OmsClient _api = portal.Api;

    public static TheoryData<string, string> Refused => new()
    {
        { "仓\u0000库", "U+0000" },
        { "仓\u0007库", "U+0007" },
        { "\u202Egnp.exe", "U+202E" },
        { "\uFEFF临沂仓", "U+FEFF" },
        { "仓\u2066库", "U+2066" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_warehouse_name_with_a_refused_character_is_a_field_error_and_nothing_is_created(string name, string codePoint)
    {
        var code = Unique.Code("WH");

        var problem = await OmsClient.FieldError(await _api.Post("/api/warehouses", new WarehouseBody(code, name, "山东省", "临沂市", "兰山区 1 号", 5)), "name");

        Assert.Contains(codePoint, problem.Errors!["name"][0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Get($"/api/warehouses/{code}")).StatusCode);
    }

    [Fact]
    public async Task A_lone_surrogate_anywhere_in_a_body_names_its_place()
    {
        var sku = await _api.CreateSku();
        var json = $$"""{"channel":"manual","customer":{"name":"张\ud800三","phone":"13800000000","province":"山东省","city":"临沂市","address":"兰山区 1 号"},"lines":[{"skuCode":"{{sku}}","quantity":1,"unitPrice":1}]}""";

        var answer = await _api.Http.PostAsync("/api/orders", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await OmsClient.FieldError(answer, "customer.name");
    }

    [Fact]
    public async Task An_order_line_refused_deep_in_the_body_names_its_line()
    {
        var sku = await _api.CreateSku();
        var body = NewOrder.For(NewOrder.Line(sku, 1)) with { Note = "备注\u0000" };

        await OmsClient.FieldError(await _api.Post("/api/orders", body), "note");
        await OmsClient.FieldError(await _api.Post("/api/orders", NewOrder.For(new LineBody(sku + "\u202E", 1, 1m))), "lines[0].skuCode");
    }

    [Fact]
    public async Task Text_is_stored_in_normal_form_c_and_trimmed()
    {
        var code = Unique.Code("WH");

        var created = await _api.Post<WarehouseView>("/api/warehouses", new WarehouseBody(code, "  Cafe\u0301 仓\t", "山东省", "临沂市", "兰山区 1 号", 5), HttpStatusCode.Created);

        Assert.Equal("Caf\u00e9 仓", created.Name);
        await Eventually.Until(() => _api.Get<List<WarehouseView>>("/api/warehouses"), list => list.Any(w => w.Code == code && w.Name == "Caf\u00e9 仓"));
    }

    [Fact]
    public async Task A_refused_character_in_a_query_string_is_a_field_error_not_a_database_error()
    {
        await OmsClient.FieldError(await _api.Get("/api/orders?q=%00"), "q");
        await OmsClient.FieldError(await _api.Get("/api/skus?search=%E2%80%AE"), "search");
        await OmsClient.FieldError(await _api.Get("/api/stock/movements?skuCode=a%00b"), "skuCode");
    }

    [Fact]
    public async Task A_refused_character_in_a_form_field_is_refused_before_sign_in_or_tokens()
    {
        using var http = new HttpClient { BaseAddress = portal.ClientOptions.BaseAddress };
        Task<HttpResponseMessage> Token(string clientId) => http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = "x",
        }));

        await OmsClient.FieldError(await Token("demo\u202Eintegration"), "client_id");
        // ASP.NET Core's form reader will not decode U+0000 at all: the whole form is refused.
        await OmsClient.FieldError(await Token("demo\0integration"), "body");
    }

    [Fact]
    public async Task Newlines_and_tabs_in_a_note_are_kept()
    {
        var sku = await _api.CreateSku();

        var order = await _api.CreateOrder(NewOrder.For(NewOrder.Line(sku, 1)) with { Note = "第一行\n第二行\t完" });

        Assert.Equal("第一行\n第二行\t完", order.Note);
    }
}
