using CloudOMS.Grains;
using static CloudOMS.Identity.Tests.Robustness.FuzzJson;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>
/// Bends one place of a valid body: another JSON type, a field left out, null, a value at or just past a limit
/// of <see cref="Limits"/> (<see cref="EdgeValues"/>), control characters, a 1 MB string, duplicated keys, deep nesting; or sets every number
/// and list at its limit at once (valid input whose sums must still fit). Returns what it did, for the report.
/// </summary>
public static class BodyFaults
{
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
                var control = EdgeValues.Controls[random.Next(EdgeValues.Controls.Length)];
                var text = slot.Value is Str s ? s.Value : company.Marker;
                var at = random.Next(text.Length + 1);
                slot.Set(new Str(text[..at] + control + text[at..]));
                detail = $"control {EdgeValues.Name(control)}";
                break;
            case "1mb": slot.Set(new Str(company.Marker + new string('x', EdgeValues.Megabyte))); break;
            case "duplicate-key" when slot.Value is Obj { Fields.Count: > 0 } o: o.Fields.Add(o.Fields[random.Next(o.Fields.Count)]); break;
            case "deep": slot.Set(Enumerable.Range(0, 200).Aggregate((FuzzJson)new Num("1"), (inner, _) => new Arr([inner]))); break;
            default: slot.Set(OtherType(slot.Value, random)); detail = "type"; break;
        }
        return (root.Items.Count > 0 ? root.Items[0] : new Null(), detail);
    }

    private static Slot Pick(List<Slot> slots, Func<Slot, bool> preferred, Random random)
    {
        var matching = slots.Where(preferred).ToList();
        var from = matching.Count > 0 ? matching : slots;
        return from[random.Next(from.Count)];
    }

    private static string Extreme(Slot slot, FuzzCompany company, Random random)
    {
        switch (slot.Value)
        {
            case Str:
                var limit = EdgeValues.TextLimits[random.Next(EdgeValues.TextLimits.Length)] + random.Next(2);
                slot.Set(new Str(EdgeValues.Text(slot.Field, limit, company)));
                return $"length {limit} in {slot.Field}";
            case Num:
                var edges = EdgeValues.IsMoney(slot.Field) ? EdgeValues.Money : EdgeValues.Integers;
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
        if (slot.Value is Num) slot.Set(new Num(EdgeValues.AtLimit(slot.Field)));
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

}
