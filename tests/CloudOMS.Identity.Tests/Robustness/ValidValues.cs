using System.Globalization;
using System.Text.Json;
using static CloudOMS.Identity.Tests.Robustness.FuzzJson;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>The codes the portal offers (channels, carriers, payment methods, permissions, plans), read from its API.</summary>
public sealed record FuzzCatalogue(IReadOnlyList<string> Channels, IReadOnlyList<string> Carriers, IReadOnlyList<string> PaymentMethods,
    IReadOnlyList<string> Permissions, IReadOnlyList<string> Plans)
{
    public static async Task<FuzzCatalogue> Load(OmsClient api)
    {
        var catalogues = await api.Get<JsonElement>("/api/catalogues");
        IReadOnlyList<string> Codes(JsonElement list) => [.. FuzzCompany.Values(list, "code")];
        return new FuzzCatalogue(Codes(catalogues.GetProperty("channels")), Codes(catalogues.GetProperty("carriers")), Codes(catalogues.GetProperty("paymentMethods")),
            Codes(await api.Get<JsonElement>("/api/permissions")), Codes(await api.Get<JsonElement>("/api/billing/plans")));
    }
}

/// <summary>
/// A fuzzer's dictionary: a value that passes validation for a field the OpenAPI schema only types as "string" or
/// "number", chosen by the field's name, so most generated requests get past the first check and reach deeper code.
/// Texts carry the company's marker; ids come from what the company knows (and now and then the other company's).
/// </summary>
public static class ValidValues
{
    /// <summary>SKU and warehouse codes both companies create, so the same code means different things in each.</summary>
    public static string SharedSku(int n) => $"FZ-S-{n:00}";

    public static string SharedWarehouse(int n) => $"FZ-W-{n}";

    public static FuzzJson? For(string field, FuzzRoute route, FuzzCompany company, FuzzCatalogue catalogue, Random random)
    {
        string Text(string what) => $"{company.Marker} {what} {random.Next(1000)}";
        FuzzJson Id(string kind) => Pick(Mix(company, kind, random), random) is { } id ? new Str(id) : new Null();
        FuzzJson Money(int max) => Of(decimal.Round((decimal)random.NextDouble() * max, 2));
        return field switch
        {
            "channel" => new Str(Pick(catalogue.Channels, random)!),
            "carrier" => new Str(Pick(catalogue.Carriers, random)!),
            "method" => new Str(Pick(catalogue.PaymentMethods, random)!),
            "plan" => new Str(Pick(catalogue.Plans, random)!),
            "cycle" => new Str(random.Next(2) == 0 ? "Monthly" : "Yearly"),
            "provider" => random.Next(3) == 0 ? new Str("BankTransfer") : new Null(),
            "permissions" => new Arr([.. catalogue.Permissions.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(p => (FuzzJson)new Str(p))]),
            "warehouses" => new Arr([.. Enumerable.Range(0, random.Next(3)).Select(_ => Id("warehouse"))]),
            "roleIds" => new Arr([.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => Id("role"))]),
            "skuCode" => Id("sku"),
            "warehouse" or "toWarehouse" => Id("warehouse"),
            "code" when route.Pattern.StartsWith("/api/skus", StringComparison.Ordinal) => new Str(SharedSku(random.Next(30))),
            "code" when route.Pattern.StartsWith("/api/warehouses", StringComparison.Ordinal) => new Str(SharedWarehouse(random.Next(6))),
            "code" => new Str(random.Next(1_000_000).ToString("000000", CultureInfo.InvariantCulture)),
            "name" or "companyName" or "bankName" => new Str(Text("名")),
            "contactName" => new Str(Text("联系人")),
            "phone" => new Str(company.Phone),
            "province" => new Str("山东省"),
            "city" => new Str("临沂市"),
            "address" => new Str(Text("路")),
            "note" or "reason" => new Str(Text("备注")),
            "reference" => new Str(Text("ref")),
            "externalOrderNo" => new Str($"FZ-EXT-{random.Next(40)}"),
            "trackingNo" => new Str($"SF{random.NextInt64(100_000_000_000, 999_999_999_999)}"),
            "operationId" => random.Next(2) == 0 ? new Null() : new Str($"fz-op-{random.Next(30)}"),
            "barcode" => random.Next(2) == 0 ? new Null() : new Str(random.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture)),
            "unit" => new Str(random.Next(2) == 0 ? "个" : "箱"),
            "email" => new Str($"fz-{random.Next():x8}@tests.cloudoms.cn"),
            "password" => new Str(Companies.Password),
            "taxId" => new Str("91371302MA3CL8K2XE"),
            "bankAccount" => new Str(random.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture)),
            "quantity" => Of(random.Next(1, 20)),
            "safetyStock" => Of(random.Next(0, 10)),
            "priority" => Of(random.Next(1, 10)),
            "price" or "unitPrice" => Money(500),
            "amount" => Money(50),
            "shippingFee" => Money(20),
            "weightKg" => Money(5),
            "discount" => Of(0m),
            "requireTwoFactor" => new Bool(random.Next(4) == 0),
            "slug" when route.Pattern.StartsWith("/t/", StringComparison.Ordinal) => new Str("demo"),
            "slug" => new Str($"fz{random.Next():x8}"),
            "culture" => new Str(random.Next(2) == 0 ? "en" : "zh-CN"),
            "returnUrl" => new Str(random.Next(2) == 0 ? "/app" : "/app/orders?status=Approved"),
            _ => null,
        };
    }

    /// <summary>Mostly the company's own ids; one time in ten the other company's, which must get nowhere.</summary>
    public static IReadOnlyList<string> Mix(FuzzCompany company, string kind, Random random) =>
        random.Next(10) == 0 && company.Other.Ids(kind).Count > 0 ? company.Other.Ids(kind) : company.Ids(kind);

    public static string? Pick(IReadOnlyList<string> values, Random random) => values.Count == 0 ? null : values[random.Next(values.Count)];
}
