using System.Net.Http.Headers;
using System.Text;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>
/// One HTTP request exactly as the fuzzer sends it. The path is already URL-encoded (some faults are encodings:
/// %00, an invalid UTF-8 sequence); the body is bytes, so it may be invalid UTF-8 too.
/// </summary>
public sealed record Shot(string Method, string Path, string? ContentType, byte[]? Body, string? IdempotencyKey, int CutFrom = 0)
{
    public static Shot Json(string method, string path, string json, string? key) =>
        new(method, path, "application/json", Encoding.UTF8.GetBytes(json), key);

    public HttpRequestMessage Message()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        if (IdempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
        return request;
    }

    /// <summary>The same shot with at most 4 KB of its body, as the report keeps it (1 MB bodies add up).</summary>
    public Shot Trimmed() => Body is { Length: > 4096 } ? this with { Body = Body[..4096], CutFrom = Body.Length } : this;

    /// <summary>Everything the request says, as text: what an answer may echo back without leaking anything.</summary>
    public string Text => $"{Uri.UnescapeDataString(Path)} {IdempotencyKey} {(Body is null ? "" : Encoding.UTF8.GetString(Body))}";

    /// <summary>A short, printable form: control characters and surrogates shown as \uXXXX, long bodies cut.</summary>
    public string Describe(int max = 300)
    {
        var headers = (ContentType is null ? "" : $" [Content-Type: {ContentType}]") + (IdempotencyKey is null ? "" : $" [Idempotency-Key: {Printable(IdempotencyKey, 80)}]");
        var body = Body is null ? "" : $" {Printable(Encoding.UTF8.GetString(Body), max)} ({(CutFrom > 0 ? CutFrom : Body.Length):N0} bytes)";
        return $"{Method} {Printable(Path, 200)}{headers}{body}";
    }

    public static string Printable(string text, int max)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Length > max ? text[..max] : text)
            shown.Append(c < 0x20 || char.IsSurrogate(c) || c is '\u202E' or '\uFEFF' or '\u2028' ? $"\\u{(int)c:x4}" : c);
        return text.Length > max ? $"{shown}…" : shown.ToString();
    }
}

/// <summary>
/// One step of the walk: the shots of a wave go at once (concurrent duplicates), waves one after the other (the
/// same Idempotency-Key with another body). <see cref="Fault"/> names what is wrong with it, "valid" if nothing.
/// </summary>
public sealed record Recipe(int Index, FuzzCompany Company, FuzzRoute Route, string Fault, IReadOnlyList<IReadOnlyList<Shot>> Waves)
{
    /// <summary>The fault's kind without its detail: "body:control" for "body:control U+0000".</summary>
    public string Kind => Fault.Split(' ')[0];
}

/// <summary>
/// What one shot got back (status 0: no answer in time), with the server's logged error for a 5xx, anything of the
/// other company it showed, and the id it created, if any.
/// </summary>
public sealed record Exchange(Recipe Recipe, Shot Shot, int Status, string Response, string? ServerError, IReadOnlyList<string> Leaks, (string Kind, string Id)? Created)
{
    public string Describe() =>
        $"{Recipe.Company.Label} {Shot.Describe()} -> {Status} {Shot.Printable(Response, 300)}" + (ServerError is null ? "" : $"\n      server: {ServerError}");
}

/// <summary>Media types a JSON body may not come in.</summary>
public static class MediaTypes
{
    public static readonly string[] NotJson = ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=fz", "application/octet-stream"];

    /// <summary>Bodies of the right media type that are not what the route takes.</summary>
    public static readonly string[] Malformed = ["{", "{\"a\":}", "[1,2", "\"text\"", "[]", "null", "", "{} {}", "{\"a\":1,}", "/* c */ {}", "\uFEFF{}", "{\"\\ud800\":1}"];

    public static bool IsJson(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed) &&
        (parsed.MediaType == "application/json" || parsed.MediaType?.EndsWith("+json", StringComparison.Ordinal) == true);
}
