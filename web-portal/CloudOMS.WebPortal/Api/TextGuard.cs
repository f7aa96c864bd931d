using CloudOMS.Grains;

namespace CloudOMS.WebPortal.Api;

/// <summary>
/// The edge check for text that does not come as JSON (<see cref="JsonText"/> covers bodies): the path, every query
/// parameter and every form field (sign-in pages, the token endpoint; API routes take no forms) must pass
/// <see cref="TextRules"/>, or the request ends here with a 400 naming the parameter. So no handler, query or
/// database ever sees a NUL or a bidi override from outside. Passwords and secrets are exempt: they are only hashed.
/// </summary>
public static class TextGuard
{
    public static IApplicationBuilder UseTextGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var errors = new FieldErrors();
        var request = context.Request;
        Check(errors, "path", request.Path.Value);
        foreach (var (name, values) in request.Query)
        {
            Check(errors, name, name);
            foreach (var value in values) Check(errors, name, value);
        }
        // API routes take JSON (JsonText checks it); a form sent to one is routing's 415, not a form to read.
        if (request.HasFormContentType && !HttpMethods.IsGet(request.Method) && !request.Path.StartsWithSegments("/api"))
        {
            IFormCollection form;
            try
            {
                // Buffered and rewound: an endpoint that reads the raw body (a signed webhook) still gets all of it.
                request.EnableBuffering();
                form = await request.ReadFormAsync(context.RequestAborted);
                request.Body.Position = 0;
            }
            catch (Exception error) when (error is InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
            {
                // Over the form limits (value length, field count), a broken multipart body, or a value ASP.NET Core
                // itself will not decode (U+0000).
                await ApiProblems.Invalid("body", Msg.Get("TextGuard.FormTooLargeMalformedHoldsCharacter")).ExecuteAsync(context);
                return;
            }
            foreach (var (name, values) in form)
            {
                Check(errors, name, name);
                if (IsSecret(name)) continue;
                foreach (var value in values) Check(errors, name, value);
            }
        }
        if (errors.Any) await ApiProblems.Invalid(errors).ExecuteAsync(context);
        else await next(context);
    });

    private static void Check(FieldErrors errors, string field, string? value)
    {
        if (TextRules.Problem(value) is { } codePoint) errors.Add(TextRules.Problem(field) is null ? field : "name", TextRules.Message(codePoint));
    }

    private static bool IsSecret(string name) =>
        name.Contains("password", StringComparison.OrdinalIgnoreCase) || name.Contains("secret", StringComparison.OrdinalIgnoreCase);
}
