using System.Globalization;
using System.Text;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>
/// A JSON value the fuzzer builds and bends. Not System.Text.Json's nodes: those refuse to write a lone
/// surrogate ("\ud800") or a number beyond decimal, and both are inputs a client can send.
/// </summary>
public abstract record FuzzJson
{
    public sealed record Obj(List<KeyValuePair<string, FuzzJson>> Fields) : FuzzJson;

    public sealed record Arr(List<FuzzJson> Items) : FuzzJson;

    public sealed record Str(string Value) : FuzzJson;

    /// <summary>The number exactly as it goes on the wire, e.g. "1e400" or "79228162514264337593543950336".</summary>
    public sealed record Num(string Text) : FuzzJson;

    public sealed record Bool(bool Value) : FuzzJson;

    public sealed record Null : FuzzJson;

    public static FuzzJson Of(long value) => new Num(value.ToString(CultureInfo.InvariantCulture));

    public static FuzzJson Of(decimal value) => new Num(value.ToString(CultureInfo.InvariantCulture));

    public static Obj Object(params (string Name, FuzzJson Value)[] fields) => new([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]);

    public FuzzJson Copy() => this switch
    {
        Obj o => new Obj([.. o.Fields.Select(f => KeyValuePair.Create(f.Key, f.Value.Copy()))]),
        Arr a => new Arr([.. a.Items.Select(i => i.Copy())]),
        _ => this,
    };

    public string Write()
    {
        var text = new StringBuilder();
        Write(text);
        return text.ToString();
    }

    private void Write(StringBuilder text)
    {
        switch (this)
        {
            case Obj o:
                text.Append('{');
                for (var i = 0; i < o.Fields.Count; i++)
                {
                    if (i > 0) text.Append(',');
                    WriteString(text, o.Fields[i].Key);
                    text.Append(':');
                    o.Fields[i].Value.Write(text);
                }
                text.Append('}');
                break;
            case Arr a:
                text.Append('[');
                for (var i = 0; i < a.Items.Count; i++)
                {
                    if (i > 0) text.Append(',');
                    a.Items[i].Write(text);
                }
                text.Append(']');
                break;
            case Str s: WriteString(text, s.Value); break;
            case Num n: text.Append(n.Text); break;
            case Bool b: text.Append(b.Value ? "true" : "false"); break;
            default: text.Append("null"); break;
        }
    }

    /// <summary>Control characters and every surrogate as \uXXXX escapes, so a lone surrogate reaches the server as a client would send it.</summary>
    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            if (c == '"') text.Append("\\\"");
            else if (c == '\\') text.Append("\\\\");
            else if (c < 0x20 || char.IsSurrogate(c)) text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else text.Append(c);
        }
        text.Append('"');
    }
}
