using Microsoft.AspNetCore.Identity;

namespace CloudOMS.Identity.Data;

/// <summary>A person who signs in. One user may belong to several tenants.</summary>
public sealed class OmsUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A company using CloudOMS. The id is its slug and is also the tenant of its grains.</summary>
public sealed class TenantAccount
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string? Phone { get; set; }
    public string Status { get; set; } = "Trial";
    public bool RequireTwoFactor { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class Membership
{
    public string TenantId { get; set; } = "";
    public string UserId { get; set; } = "";
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public List<MembershipRole> Roles { get; set; } = [];
}

public sealed class TenantRole
{
    public string Id { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Permission codes from <see cref="Access.Permissions"/>.</summary>
    public List<string> Permissions { get; set; } = [];
    /// <summary>When not empty, users of this role see and act only on these warehouses.</summary>
    public List<string> Warehouses { get; set; } = [];
}

public sealed class MembershipRole
{
    public string TenantId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string RoleId { get; set; } = "";
}

/// <summary>An integration's client-credentials client; its OpenIddict application carries the hashed secret.</summary>
public sealed class ApiClient
{
    public string ClientId { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Permissions { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public sealed class Invitation
{
    public string Id { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string Email { get; set; } = "";
    public List<string> RoleIds { get; set; } = [];
    public string TokenHash { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>Who invited (the audit log's actor: an email or "api:name"); empty for invitations made before it was kept.</summary>
    public string InvitedBy { get; set; } = "";

    /// <summary>When the current link was mailed: the invitation, or its latest resend.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set when an admin revokes it: its link then says so and accepting is refused.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
