using System.Net;
using Microsoft.AspNetCore.Antiforgery;

namespace CloudOMS.Identity.Accounts;

/// <summary>Small server-rendered pages for sign-in; every form carries an antiforgery token.</summary>
public static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static IResult Page(string title, string body, int status = 200) => Results.Content($$"""
        <!doctype html><html lang="{{System.Globalization.CultureInfo.CurrentUICulture.Name}}"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1"><title>{{E(title)}} · CloudOMS</title>
        <style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem}
        label{display:block;margin:.8rem 0 .2rem}input,select{width:100%;padding:.5rem;box-sizing:border-box}
        button{margin-top:1rem;padding:.6rem 1.2rem}.error{color:#b00020}.muted{color:#666;font-size:.9rem}</style></head>
        <body><h1>{{E(title)}}</h1>{{body}}</body></html>
        """, "text/html; charset=utf-8", statusCode: status);

    public static string Form(HttpContext context, string action, string fields, string submit)
    {
        var token = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"""
            <form method="post" action="{E(action)}">
            <input type="hidden" name="{E(token.FormFieldName)}" value="{E(token.RequestToken)}">
            {fields}
            <button type="submit">{E(submit)}</button></form>
            """;
    }

    public static string Field(string name, string label, string type = "text", string? value = null) =>
        $"""<label for="{name}">{E(label)}</label><input id="{name}" name="{name}" type="{type}" value="{E(value)}" required>""";

    public static string Hidden(string name, string? value) => $"""<input type="hidden" name="{name}" value="{E(value)}">""";

    public static string Error(string? message) => message is null ? "" : $"""<p class="error" role="alert">{E(message)}</p>""";
}
