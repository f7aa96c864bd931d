using System.Globalization;
using System.Threading.RateLimiting;
using CloudOMS.Identity.Edge;
using Microsoft.AspNetCore.RateLimiting;

namespace CloudOMS.Identity.Accounts;

/// <summary>
/// Rate limits by purpose, each with its own budget per client address, so wrong passwords spend nothing of an
/// integration's token budget or of sign-up. What needs the account or the client (known only once the form is
/// read or the client authenticated) is limited in the handler: <see cref="AccountBudgets"/>, <see cref="SignInGuard"/>.
/// Every refusal is a 429 with Retry-After.
/// </summary>
public static class AccountRateLimits
{
    public const string SignIn = "sign-in";
    public const string Token = "token";
    public const string Signup = "sign-up";
    public const string PasswordReset = "password-reset";

    public static IServiceCollection AddAccountRateLimits(this IServiceCollection services, CloudOmsIdentityOptions options)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (rejected, _) => new ValueTask(TooManyRequests(rejected.HttpContext,
                rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1)).ExecuteAsync(rejected.HttpContext));
            o.AddPolicy(SignIn, c => PerAddress(c, options.SignInsPerMinute, TimeSpan.FromMinutes(1)));
            o.AddPolicy(Token, c => PerAddress(c, options.TokenRequestsPerMinute, TimeSpan.FromMinutes(1)));
            o.AddPolicy(Signup, c => PerAddress(c, options.SignupsPerHour, TimeSpan.FromHours(1)));
            o.AddPolicy(PasswordReset, c => PerAddress(c, options.ResetRequestsPerHour, TimeSpan.FromHours(1)));
        });
        services.AddSingleton<AccountBudgets>();
        return services;
    }

    /// <summary>The refusal: Retry-After in whole seconds, a page for the sign-in pages and a problem for everything else.</summary>
    public static IResult TooManyRequests(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = Msg.Get("AccountRateLimits.TooManyRequestsTryAgainS", seconds);
        return context.Request.Path.StartsWithSegments("/account")
            ? Html.Page(Msg.Get("AccountRateLimits.TryAgainLater"), Html.Error(message), StatusCodes.Status429TooManyRequests)
            : Problems.Result(ErrorCodes.RateLimited, message);
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Key(context),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
}

/// <summary>Budgets keyed by what a handler knows: the API client that authenticated, the account a reset mail is for.</summary>
public sealed class AccountBudgets : IDisposable
{
    private readonly PartitionedRateLimiter<string> _clientTokens;
    private readonly PartitionedRateLimiter<string> _resetMails;

    public AccountBudgets(Microsoft.Extensions.Options.IOptions<CloudOmsIdentityOptions> options)
    {
        var o = options.Value;
        _clientTokens = PerKey(o.ClientTokensPerMinute, TimeSpan.FromMinutes(1));
        _resetMails = PerKey(o.ResetMailsPerAccountPerHour, TimeSpan.FromHours(1));
    }

    /// <summary>Null when the client may have another token, else how long it waits.</summary>
    public TimeSpan? ClientToken(string clientId) => Take(_clientTokens, clientId);

    /// <summary>Counted by the address as typed (known or not, so the answer tells nothing) and the asking address.</summary>
    public TimeSpan? ResetMail(string email, HttpContext context) =>
        Take(_resetMails, email.Trim().ToUpperInvariant() + "\n" + ClientAddress.Key(context));

    /// <summary>A new confirmation link: the same budget per account as reset mails, counted apart from them.</summary>
    public TimeSpan? ConfirmationMail(string email, HttpContext context) =>
        Take(_resetMails, "confirm\n" + email.Trim().ToUpperInvariant() + "\n" + ClientAddress.Key(context));

    public void Dispose()
    {
        _clientTokens.Dispose();
        _resetMails.Dispose();
    }

    private static TimeSpan? Take(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    private static PartitionedRateLimiter<string> PerKey(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
}
