using System.Globalization;
using CloudOMS.Grains;
using static CloudOMS.Identity.Tests.Robustness.FuzzJson;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>
/// Bends one place of a valid body: another JSON type, a field left out, null, a value at or just past a limit
/// of <see cref="Limits"/>, control characters, a 1 MB string, duplicated keys, deep nesting; or sets every number
/// and list at its limit at once (valid input whose sums must still fit). Returns what it did, for the report.
/// </summary>
public static class BodyFaults
{
    /// <summary>NUL, BEL, right-to-left override, byte order mark, lone surrogates, and a few more a client can send.</summary>
    public static readonly string[] Controls = ["\u0000", "\u0007", "\u202E", "\uFEFF", "\uD800", "\uDFFF", "\u001B", "\r\n", "\u2028", "e\u0301"];

    public const int Megabyte = 1 << 20;

    /// <summary>Every text limit: strings are generated at and one past each.</summary>
    public static readonly int[] TextLimits = [Limits.Code, Limits.ShortText, Limits.ShortText * 2, Limits.Name, Limits.Address, Limits.Note];

    private static readonly string[] IntegerEdges =
    [
        N(Limits.MaxQuantity), N(Limits.MaxQuantity + 1), N(-Limits.MaxQuantity), N(-Limits.MaxQuantity - 1), "0", "-1",
        N(int.MaxValue), N(int.MinValue), N(int.MaxValue + 1L), "1e20", "1.5", "1e400", "-0",
    ];

    private static readonly string[] MoneyEdges =
    [
        N(Limits.MaxMoney), N(Limits.MaxMoney + 0.01m), N(-Limits.MaxMoney), N(Limits.MaxMoney * Limits.MaxQuantity), "0.001", "-0.01", "0",
        N(decimal.MaxValue), "79228162514264337593543950336", "1e400", "1e-400", "NaN",
    ];

    private static readonly HashSet<string> MoneyFields = ["price", "unitPrice", "discount", "shippingFee", "amount", "weightKg"];

    private static readonly HashSet<string> CodeFields = ["code", "skuCode", "warehouse", "toWarehouse", "operationId", "externalOrderNo", "trackingNo", "slug"];

    /// <summary>A place in the tree: its field name, its value, and how to replace or drop it.</summary>
    private sealed record Slot(string Field, FuzzJson Value, Action<FuzzJson> Set, Action? Remove);

    public static (FuzzJson Body, string Fault) Apply(FuzzJson body, string fault, FuzzCompany company, Random random)
    {
        var root = new Arr([body]);
        var slots = Slots(root).ToList();
        // Text faults go to strings, edges to strings, numbers and lists, when the body has any.
        var slot = fault switch
        {
            "control" or "1mb" => Pick(slots, s => s.Value is Str, random),
            "extreme" => Pick(slots, s => s.Value is Str or Num or Arr { Items.Count: > 0 }, random),
            _ => slots[random.Next(slots.Count)],
        };
        var detail = fault;
        switch (fault)
        {
            case "missing" when slots.Where(x => x.Remove is not null).ToList() is { Count: > 0 } removable:
                var gone = removable[random.Next(removable.Count)];
                gone.Remove!();
                detail = $"missing {gone.Field}";
                break;
            case "null": slot.Set(new Null()); break;
            case "type": slot.Set(OtherType(slot.Value, random)); break;
            case "extreme": detail = Extreme(slot, company, random); break;
            case "limits":
                // Numbers first: the lines are then copied from a line already at its limits.
                foreach (var number in slots.Where(x => x.Value is Num)) AtLimit(number);
                foreach (var list in slots.Where(x => x.Value is Arr)) AtLimit(list);
                break;
            case "control":
                var control = Controls[random.Next(Controls.Length)];
                var text = slot.Value is Str s ? s.Value : company.Marker;
                var at = random.Next(text.Length + 1);
                slot.Set(new Str(text[..at] + control + text[at..]));
                detail = $"control {Name(control)}";
                break;
            case "1mb": slot.Set(new Str(company.Marker + new string('x', Megabyte))); break;
            case "duplicate-key" when slot.Value is Obj { Fields.Count: > 0 } o: o.Fields.Add(o.Fields[random.Next(o.Fields.Count)]); break;
            case "deep": slot.Set(Enumerable.Range(0, 200).Aggregate((FuzzJson)new Num("1"), (inner, _) => new Arr([inner]))); break;
            default: slot.Set(OtherType(slot.Value, random)); detail = "type"; break;
        }
        return (root.Items.Count > 0 ? root.Items[0] : new Null(), detail);
    }

    public static string Name(string control) => string.Join("+", control.Select(c => $"U+{(int)c:X4}"));

    private static Slot Pick(List<Slot> slots, Func<Slot, bool> preferred, Random random)
    {
        var matching = slots.Where(preferred).ToList();
        var from = matching.Count > 0 ? matching : slots;
        return from[random.Next(from.Count)];
    }

    /// <summary>A string of exactly <paramref name="length"/> characters: code characters for a code, marked CJK text otherwise.</summary>
    public static string Text(string field, int length, FuzzCompany company)
    {
        var fill = CodeFields.Contains(field) ? "FZ" + string.Concat(Enumerable.Repeat("X0", length)) : company.Marker + " " + new string('测', length);
        return fill[..length];
    }

    private static string Extreme(Slot slot, FuzzCompany company, Random random)
    {
        switch (slot.Value)
        {
            case Str:
                var limit = TextLimits[random.Next(TextLimits.Length)] + random.Next(2);
                slot.Set(new Str(Text(slot.Field, limit, company)));
                return $"length {limit} in {slot.Field}";
            case Num:
                var edges = MoneyFields.Contains(slot.Field) ? MoneyEdges : IntegerEdges;
                var edge = edges[random.Next(edges.Length)];
                slot.Set(new Num(edge));
                return $"{slot.Field}={edge}";
            case Arr { Items.Count: > 0 } list:
                var count = Limits.MaxLines + random.Next(2);
                slot.Set(new Arr([.. Enumerable.Range(0, count).Select(_ => list.Items[0].Copy())]));
                return $"{count} items in {slot.Field}";
            default:
                slot.Set(OtherType(slot.Value, random));
                return "type";
        }
    }

    /// <summary>Quantities, money and line counts all at their limit: still valid, the largest sums a client can ask for.</summary>
    private static void AtLimit(Slot slot)
    {
        if (slot.Value is Num) slot.Set(new Num(MoneyFields.Contains(slot.Field) ? slot.Field == "discount" ? "0" : N(Limits.MaxMoney) : N(Limits.MaxQuantity)));
        else if (slot.Value is Arr { Items.Count: > 0 } list && slot.Field == "lines")
            slot.Set(new Arr([.. Enumerable.Range(0, Limits.MaxLines).Select(_ => list.Items[0].Copy())]));
    }

    private static FuzzJson OtherType(FuzzJson value, Random random)
    {
        FuzzJson[] others = [new Str("12"), new Str("x"), new Num("7"), new Bool(true), new Obj([]), new Arr([]), new Arr([new Str("x")])];
        var choices = others.Where(o => o.GetType() != value.GetType()).ToList();
        return choices[random.Next(choices.Count)];
    }

    /// <summary>Every place of the tree below the holder, with setters that write back into their parent.</summary>
    private static IEnumerable<Slot> Slots(FuzzJson node, string field = "")
    {
        if (node is Obj o)
            for (var i = 0; i < o.Fields.Count; i++)
            {
                var (index, name) = (i, o.Fields[i].Key);
                yield return new Slot(name, o.Fields[i].Value, v => o.Fields[index] = KeyValuePair.Create(name, v), () => o.Fields.RemoveAt(index));
                foreach (var inner in Slots(o.Fields[i].Value, name)) yield return inner;
            }
        else if (node is Arr a)
            for (var i = 0; i < a.Items.Count; i++)
            {
                var index = i;
                yield return new Slot(field, a.Items[i], v => a.Items[index] = v, null);
                foreach (var inner in Slots(a.Items[i], field)) yield return inner;
            }
    }

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
