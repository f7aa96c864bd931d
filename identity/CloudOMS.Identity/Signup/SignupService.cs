using System.Net.Mail;
using System.Text.RegularExpressions;
using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using CloudOMS.Identity.Edge;
using CloudOMS.Identity.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.Identity.Signup;

public sealed record SignupInput(string? CompanyName, string? Slug, string? ContactName, string? Phone, string? Email, string? Password);

public sealed record SignupResult(string TenantId, string UserId, string Status);

/// <summary>
/// Self-service sign-up: a tenant (trial) with the role templates, its admin user and membership,
/// the tenant's grains, and an email confirmation link. All or nothing.
/// </summary>
public sealed partial class SignupService(
    IdentityDb db, UserManager<OmsUser> users, TenantDirectory directory, IEmailSender mail,
    IServiceProvider services, AuditLog audit, TimeProvider clock, PublicUrls links)
{
    private static readonly HashSet<string> Reserved = ["admin", "api", "www", "app", "account", "connect", "console", "cloudoms", "demo", "static", "t"];

    [GeneratedRegex("^[a-z][a-z0-9-]{2,29}$")]
    private static partial Regex SlugPattern();

    public async Task<(SignupResult? Result, Dictionary<string, string[]> Errors)> Signup(SignupInput input, CancellationToken cancellationToken)
    {
        var errors = await Validate(input, cancellationToken);
        if (errors.Count > 0) return (null, errors);
        var slug = input.Slug!.Trim();
        var email = input.Email!.Trim();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new OmsUser { UserName = email, Email = email, DisplayName = input.ContactName!.Trim(), PhoneNumber = Blank(input.Phone), CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
            return (null, new() { ["password"] = [.. created.Errors.Select(e => $"{e.Description}")] });
        directory.AddTenant(slug, input.CompanyName!.Trim(), user.DisplayName, user.PhoneNumber, user.Id);
        await db.SaveChangesAsync(cancellationToken);
        if (services.GetService<ITenantProvisioner>() is { } provisioner)
            await provisioner.Provision(slug, input.CompanyName!.Trim(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = links.Link($"/account/confirm?userId={Uri.EscapeDataString(user.Id)}&code={Uri.EscapeDataString(code)}");
        await mail.Send(email, "欢迎使用 CloudOMS，请验证邮箱 / Confirm your email",
            $"""<p>{Accounts.Html.E(user.DisplayName)}，您好！您的公司“{Accounts.Html.E(input.CompanyName)}”已开通 14 天试用。</p><p>请点击验证邮箱 / Confirm your email: <a href="{Accounts.Html.E(link)}">{Accounts.Html.E(link)}</a></p>""",
            cancellationToken);
        await audit.Write(slug, email, "tenant.signup", slug);
        return (new SignupResult(slug, user.Id, "Trial"), []);
    }

    private async Task<Dictionary<string, string[]>> Validate(SignupInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];
        if (string.IsNullOrWhiteSpace(input.CompanyName) || input.CompanyName.Trim().Length > 100) Add("companyName", "请填写公司名称（不超过 100 字） / company name is required, at most 100 characters");
        if (string.IsNullOrWhiteSpace(input.ContactName) || input.ContactName.Trim().Length > 50) Add("contactName", "请填写联系人（不超过 50 字） / contact name is required, at most 50 characters");
        if (input.Phone is { Length: > 0 } phone && (phone.Length > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ')))
            Add("phone", "电话只能包含数字、-、+ / phone may hold digits, '-' and '+' only");
        var slug = input.Slug?.Trim() ?? "";
        if (!SlugPattern().IsMatch(slug)) Add("slug", "公司短名需 3-30 位小写字母、数字或 -，以字母开头 / slug must be 3-30 lowercase letters, digits or '-', starting with a letter");
        else if (Reserved.Contains(slug) || await db.Tenants.AnyAsync(t => t.Id == slug, cancellationToken)) Add("slug", "该短名已被占用 / this slug is taken");
        if (string.IsNullOrWhiteSpace(input.Email) || input.Email.Length > 100 || !MailAddress.TryCreate(input.Email.Trim(), out _)) Add("email", "请填写有效邮箱 / a valid email is required");
        else if (await users.FindByEmailAsync(input.Email.Trim()) is not null) Add("email", "该邮箱已注册，请登录后再创建公司 / this email is registered: sign in instead");
        if (string.IsNullOrEmpty(input.Password) || input.Password.Length < 8) Add("password", "密码至少 8 位，需包含字母和数字 / password needs at least 8 characters with letters and digits");
        return errors;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
