using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using CloudOMS.Identity.Edge;
using CloudOMS.Identity.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static CloudOMS.Identity.Accounts.Html;

namespace CloudOMS.Identity.Admin;

public sealed record InviteInput(string? Email, IReadOnlyList<string>? RoleIds);

/// <summary>Invite by email link: the link (valid 7 days, stored hashed) adds the person to the tenant.</summary>
public static class Invitations
{
    public const int ValidDays = 7;

    /// <summary>The error key of an invitation refused because the plan's users are used up (API: 402).</summary>
    public const string UsersQuota = "users";

    public static async Task<IResult> Invite(InviteInput input, HttpContext context, IdentityDb db, CurrentAccess access, IEmailSender mail, TimeProvider clock, AuditLog audit,
        PublicUrls links)
    {
        var (invitation, errors) = await Send(input, access.Required, links, db, mail, clock, audit,
            context.RequestServices.GetService<ITenantSeats>());
        if (errors.TryGetValue(UsersQuota, out var full)) return AdminResult.PaymentRequired(full[0]).ToHttp();
        return invitation is null
            ? Problems.Invalid(errors)
            : Results.Created($"/api/users/invitations/{invitation.Id}", new { invitation.Id, invitation.Email, invitation.ExpiresAt });
    }

    /// <summary>Validates and sends an invitation (API and portal alike); the errors are by field when it is refused.</summary>
    public static async Task<(Invitation? Invitation, Dictionary<string, string[]> Errors)> Send(InviteInput input, AccessGrant inviter, PublicUrls links,
        IdentityDb db, IEmailSender mail, TimeProvider clock, AuditLog audit, ITenantSeats? seats = null)
    {
        var tenantId = inviter.TenantId;
        var roleIds = (input.RoleIds ?? []).Distinct().ToList();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Email) || !MailAddress.TryCreate(input.Email.Trim(), out _)) errors["email"] = [Msg.Get("Invitations.ValidEmailRequired")];
        if (roleIds.Count == 0 || await db.TenantRoles.CountAsync(r => r.TenantId == tenantId && roleIds.Contains(r.Id)) != roleIds.Count)
            errors["roleIds"] = [Msg.Get("Invitations.ChooseExistingRoles")];
        if (errors.Count > 0) return (null, errors);
        if (seats is not null && await seats.Check(tenantId) is { } full)
            return (null, new() { [UsersQuota] = [full] });

        var token = NewToken();
        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            Id = TenantDirectory.NewId(), TenantId = tenantId, Email = input.Email!.Trim(), RoleIds = roleIds, TokenHash = Hash(token),
            InvitedBy = inviter.Actor, SentAt = now, ExpiresAt = now.AddDays(ValidDays),
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        await Mail(db, mail, links, invitation, token);
        await audit.Write(tenantId, inviter.Actor, "member.invited", invitation.Email, string.Join(",", roleIds));
        return (invitation, errors);
    }

    /// <summary>The invitation mail: the company, the role(s) by name and the link.</summary>
    internal static async Task Mail(IdentityDb db, IEmailSender mail, PublicUrls links, Invitation invitation, string token)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == invitation.TenantId);
        var roles = await db.TenantRoles.AsNoTracking().Where(r => r.TenantId == invitation.TenantId && invitation.RoleIds.Contains(r.Id)).Select(r => r.Name).ToListAsync();
        var link = links.Link($"/account/invite?token={token}");
        var body = Msg.Get("Invitations.InvitedBody", E(tenant.Name), E(string.Join(Msg.Get("Invitations.RoleSeparator"), roles.Order(StringComparer.Ordinal))));
        await mail.Send(invitation.Email, Msg.Get("Invitations.YouInvited", tenant.Name), $"""<p>{body} <a href="{E(link)}">{E(link)}</a></p>""");
    }

    public static IEndpointRouteBuilder MapInvitationPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/account/invite", async (HttpContext context, string token, IdentityDb db, TimeProvider clock) =>
            await Find(db, token, clock) is { } invitation
                ? invitation.RevokedAt is not null ? RevokedPage() : Page(Msg.Get("Invitations.AcceptInvitation"), Form(context, $"/account/invite?token={Uri.EscapeDataString(token)}",
                    $"<p>{E(invitation.Email)}</p>" + Field("name", Msg.Get("Invitations.Name")) + Field("password", Msg.Get("Invitations.Password"), "password"), Msg.Get("Invitations.Join")))
                : Page(Msg.Get("Invitations.InvalidInvitation"), Error(Msg.Get("Invitations.LinkInvalidExpired")), 400)).ExcludeFromDescription();
        routes.MapPost("/account/invite", Accept).ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> Accept(HttpContext context, string token, [FromForm] string name, [FromForm] string password,
        IdentityDb db, UserManager<OmsUser> users, TenantDirectory directory, TimeProvider clock, AuditLog audit)
    {
        if (await Find(db, token, clock) is not { } invitation) return Page(Msg.Get("Invitations.InvalidInvitation"), Error(Msg.Get("Invitations.LinkInvalidExpired")), 400);
        if (invitation.RevokedAt is not null) return RevokedPage();
        var user = await users.FindByEmailAsync(invitation.Email);
        if (user is null)
        {
            user = new OmsUser { UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, DisplayName = name.Trim(), CreatedAt = clock.GetUtcNow() };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) return Page(Msg.Get("Invitations.AcceptInvitation"), Error(string.Join(" ", created.Errors.Select(e => e.Description))), 400);
        }
        else if (!await users.CheckPasswordAsync(user, password))
        {
            return Page(Msg.Get("Invitations.AcceptInvitation"), Error(Msg.Get("Invitations.EnterPasswordExistingAccount")), 400);
        }
        var joins = !await db.Memberships.AnyAsync(m => m.TenantId == invitation.TenantId && m.UserId == user.Id);
        var seats = joins ? context.RequestServices.GetService<ITenantSeats>() : null;
        if (seats is not null && await seats.Take(invitation.TenantId) is { } full) return Page(Msg.Get("Invitations.AcceptInvitation"), Error(full), 402);
        if (joins) directory.AddMember(invitation.TenantId, user.Id, invitation.RoleIds);
        invitation.AcceptedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync();
        }
        catch when (seats is not null)
        {
            await seats.Return(invitation.TenantId);
            throw;
        }
        await audit.Write(invitation.TenantId, invitation.Email, "member.joined");
        return Page(Msg.Get("Invitations.Joined"), $"""<p><a id="continue" href="/app">{Msg.Get("Html.SignInLink")}</a></p>""");
    }

    private static IResult RevokedPage() => Page(Msg.Get("Invitations.InvalidInvitation"), Error(Msg.Get("Invitations.RevokedLink")), 400);

    /// <summary>The open (or revoked) invitation behind a link; null when the link is unknown, replaced by a resend, used or expired.</summary>
    private static async Task<Invitation?> Find(IdentityDb db, string token, TimeProvider clock)
    {
        var hash = Hash(token);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null);
        return invitation is not null && invitation.ExpiresAt > clock.GetUtcNow() ? invitation : null;
    }

    internal static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    internal static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
