using CloudOMS.Identity.Access;
using CloudOMS.Identity.Data;
using CloudOMS.Identity.Edge;
using CloudOMS.Identity.Email;
using Microsoft.EntityFrameworkCore;

namespace CloudOMS.Identity.Admin;

/// <summary>An invitation not yet accepted nor revoked; <see cref="Expired"/> ones stay listed so they can be resent.</summary>
public sealed record InvitationInfo(string Id, string Email, IReadOnlyList<string> RoleIds, IReadOnlyList<string> RoleNames, string InvitedBy,
    DateTimeOffset? SentAt, DateTimeOffset ExpiresAt, bool Expired);

/// <summary>
/// A company's pending invitations: one code path for /api/users/invitations and the portal's members page.
/// A resend mails a new link and replaces the token, so the earlier link no longer works (the newest mail is
/// the one that counts, and a forwarded old mail is useless); a revoked invitation's link says so and cannot be accepted.
/// </summary>
public sealed class InvitationAdmin(IdentityDb db, IEmailSender mail, TimeProvider clock, AuditLog audit, PublicUrls links)
{
    public async Task<IReadOnlyList<InvitationInfo>> Pending(string tenantId)
    {
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.TenantId == tenantId && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync();
        var roles = await db.TenantRoles.AsNoTracking().Where(r => r.TenantId == tenantId).ToDictionaryAsync(r => r.Id, r => r.Name);
        var now = clock.GetUtcNow();
        return [.. invitations
            .OrderByDescending(i => i.SentAt ?? i.ExpiresAt.AddDays(-Invitations.ValidDays))
            .Select(i => new InvitationInfo(i.Id, i.Email, i.RoleIds, [.. i.RoleIds.Select(id => roles.GetValueOrDefault(id, id))], i.InvitedBy,
                i.SentAt, i.ExpiresAt, i.ExpiresAt <= now))];
    }

    /// <summary>A new link (valid <see cref="Invitations.ValidDays"/> days from now) by mail; the previous link stops working.</summary>
    public async Task<AdminResult> Resend(AccessGrant actor, string invitationId)
    {
        if (await Open(actor.TenantId, invitationId) is not { } found) return AdminResult.NotFound();
        if (found.Refusal is { } refusal) return refusal;
        var invitation = found.Invitation;
        var token = Invitations.NewToken();
        invitation.TokenHash = Invitations.Hash(token);
        invitation.SentAt = clock.GetUtcNow();
        invitation.ExpiresAt = invitation.SentAt.Value.AddDays(Invitations.ValidDays);
        await db.SaveChangesAsync();
        await Invitations.Mail(db, mail, links, invitation, token);
        await audit.Write(actor.TenantId, actor.Actor, "member.invite-resent", invitation.Email);
        return AdminResult.Done();
    }

    /// <summary>Revoking twice is not an error; an accepted invitation cannot be revoked (deactivate the member instead).</summary>
    public async Task<AdminResult> Revoke(AccessGrant actor, string invitationId)
    {
        if (await Open(actor.TenantId, invitationId) is not { } found) return AdminResult.NotFound();
        var invitation = found.Invitation;
        if (invitation.RevokedAt is not null) return AdminResult.Done();
        if (found.Refusal is { } refusal) return refusal;
        invitation.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        await audit.Write(actor.TenantId, actor.Actor, "member.invite-revoked", invitation.Email);
        return AdminResult.Done();
    }

    private async Task<(Invitation Invitation, AdminResult? Refusal)?> Open(string tenantId, string invitationId)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.TenantId == tenantId);
        if (invitation is null) return null;
        AdminResult? refusal = invitation.AcceptedAt is not null ? AdminResult.Conflict(Msg.Get("Invitations.AlreadyAccepted"))
            : invitation.RevokedAt is not null ? AdminResult.Conflict(Msg.Get("Invitations.Revoked"))
            : null;
        return (invitation, refusal);
    }
}
