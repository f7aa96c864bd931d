using System.Net.Mail;
using System.Text.RegularExpressions;
using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using CloudOMS.Identity.Edge;
using CloudOMS.Identity.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static CloudOMS.Identity.Accounts.Html;

namespace CloudOMS.Identity.Signup;

public sealed record SignupInput(string? CompanyName, string? Slug, string? ContactName, string? Phone, string? Email, string? Password);

public sealed record SignupResult(string TenantId, string UserId, string Status);

/// <summary>
/// What a sign-up answers: created (also for an address that already has an account: that difference goes by
/// mail), invalid input by field, or a conflict when another sign-up took the slug a moment earlier.
/// </summary>
public sealed record SignupOutcome(SignupResult? Result, Dictionary<string, string[]> Errors, bool Conflict = false);

/// <summary>
/// Self-service sign-up: a tenant (trial) with the role templates, its admin user and membership,
/// the tenant's grains, and an email confirmation link. All or nothing.
/// </summary>
public sealed partial class SignupService(
    IdentityDb db, UserManager<OmsUser> users, TenantDirectory directory, IEmailSender mail,
    IServiceProvider services, AuditLog audit, TimeProvider clock, PublicUrls links)
{
    private static readonly HashSet<string> Reserved = ["admin", "api", "www", "app", "account", "connect", "console", "cloudoms", "demo", "static", "t"];

    private static string SlugTaken => Msg.Get("SignupService.SlugTaken");

    [GeneratedRegex("^[a-z][a-z0-9-]{2,29}$")]
    private static partial Regex SlugPattern();

    public async Task<SignupOutcome> Signup(SignupInput input, CancellationToken cancellationToken)
    {
        var errors = await Validate(input, cancellationToken);
        if (errors.Count > 0) return new(null, errors);
        var slug = input.Slug!.Trim();
        var email = input.Email!.Trim();
        if (await users.FindByEmailAsync(email) is { } existing) return await AlreadyRegistered(existing, input, cancellationToken);
        try
        {
            return await Create(input, slug, email, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another sign-up took the same slug or address between the checks above and these inserts. Its transaction
            // may still be committing (a wait for its row can end in a timeout rather than a key violation): look again.
            db.ChangeTracker.Clear();
            for (var look = 0; look < 30; look++)
            {
                if (await db.Tenants.AnyAsync(t => t.Id == slug, cancellationToken)) return new(null, new() { ["slug"] = [SlugTaken] }, Conflict: true);
                if (await users.FindByEmailAsync(email) is { } raced) return await AlreadyRegistered(raced, input, cancellationToken);
                await Task.Delay(TimeSpan.FromMilliseconds(100), clock, cancellationToken);
            }
            throw;
        }
    }

    private async Task<SignupOutcome> Create(SignupInput input, string slug, string email, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new OmsUser { UserName = email, Email = email, DisplayName = input.ContactName!.Trim(), PhoneNumber = Blank(input.Phone), CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, input.Password!);
        if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail)))
        {
            await transaction.RollbackAsync(cancellationToken);
            return await AlreadyRegistered((await users.FindByEmailAsync(email))!, input, cancellationToken);
        }
        if (!created.Succeeded)
            return new(null, created.Errors.GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        directory.AddTenant(slug, input.CompanyName!.Trim(), user.DisplayName, user.PhoneNumber, user.Id);
        await db.SaveChangesAsync(cancellationToken);
        if (services.GetService<ITenantProvisioner>() is { } provisioner)
            await provisioner.Provision(slug, input.CompanyName!.Trim(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = links.EmailConfirmation(user.Id, code);
        await mail.Send(email, Msg.Get("SignupService.ConfirmEmail"),
            $"""<p>{Msg.Get("SignupService.WelcomeBody", E(user.DisplayName), E(input.CompanyName))}</p><p>{Msg.Get("SignupService.ConfirmLink")} <a href="{E(link)}">{E(link)}</a></p>""",
            cancellationToken);
        await audit.Write(slug, email, "tenant.signup", slug);
        return new(new SignupResult(slug, user.Id, "Trial"), []);
    }

    /// <summary>
    /// The address has an account: the caller gets the answer a new company gets, so sign-up tells nobody which
    /// addresses are registered; the address's owner gets a mail saying to sign in or reset the password (and, for an
    /// account never confirmed, a fresh confirmation link). Nothing is created.
    /// </summary>
    private async Task<SignupOutcome> AlreadyRegistered(OmsUser user, SignupInput input, CancellationToken cancellationToken)
    {
        // About the cost of creating the user's password hash, so the answer does not come noticeably sooner.
        users.PasswordHasher.HashPassword(user, input.Password!);
        var confirm = user.EmailConfirmed ? "" : $"""<p>{Msg.Get("SignupService.NotConfirmedYet")} <a href="{E(links.EmailConfirmation(user.Id, await users.GenerateEmailConfirmationTokenAsync(user)))}">{E(links.Link("/account/confirm"))}</a></p>""";
        await mail.Send(user.Email!, Msg.Get("SignupService.AccountEmailExists"),
            $"""<p>{Msg.Get("SignupService.EmailRegisteredBody", E(input.CompanyName))}</p>"""
            + $"""<p>{Msg.Get("SignupService.SignInLink")} <a href="{E(links.Link("/account/login"))}">{E(links.Link("/account/login"))}</a></p>"""
            + $"""<p>{Msg.Get("SignupService.ForgotLink")} <a href="{E(links.Link("/account/forgot"))}">{E(links.Link("/account/forgot"))}</a></p>{confirm}""",
            cancellationToken);
        await audit.WriteForUser(user, "signup.email-registered", input.Slug?.Trim());
        return new(new SignupResult(input.Slug!.Trim(), Guid.NewGuid().ToString(), "Trial"), []);
    }

    private async Task<Dictionary<string, string[]>> Validate(SignupInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];
        if (string.IsNullOrWhiteSpace(input.CompanyName) || input.CompanyName.Trim().Length > 100) Add("companyName", Msg.Get("SignupService.CompanyNameRequiredMostCharacters"));
        if (string.IsNullOrWhiteSpace(input.ContactName) || input.ContactName.Trim().Length > 50) Add("contactName", Msg.Get("SignupService.ContactNameRequiredMostCharacters"));
        if (input.Phone is { Length: > 0 } phone && (phone.Length > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ')))
            Add("phone", Msg.Get("SignupService.PhoneMayHoldDigitsOnly"));
        var slug = input.Slug?.Trim() ?? "";
        if (!SlugPattern().IsMatch(slug)) Add("slug", Msg.Get("SignupService.SlugLowercaseLettersDigitsStartingLetter"));
        else if (Reserved.Contains(slug) || await db.Tenants.AnyAsync(t => t.Id == slug, cancellationToken)) Add("slug", SlugTaken);
        // Whether the address has an account is not checked here: it must not change the answer (see AlreadyRegistered).
        if (string.IsNullOrWhiteSpace(input.Email) || input.Email.Length > 100 || !MailAddress.TryCreate(input.Email.Trim(), out _)) Add("email", Msg.Get("Invitations.ValidEmailRequired"));
        if (string.IsNullOrEmpty(input.Password) || input.Password.Length < 8) Add("password", Msg.Get("SignupService.PasswordNeedsLeastCharactersLettersDigits"));
        else if (await PasswordRefusal(input) is { } refusal) Add("password", refusal);
        return errors;
    }

    /// <summary>The password rules, checked before anything else is: a registered address must not get another answer.</summary>
    private async Task<string?> PasswordRefusal(SignupInput input)
    {
        var probe = new OmsUser { UserName = input.Email?.Trim(), Email = input.Email?.Trim() };
        foreach (var validator in users.PasswordValidators)
            if (await validator.ValidateAsync(users, probe, input.Password) is { Succeeded: false } refused)
                return string.Join(" ", refused.Errors.Select(e => e.Description));
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
