namespace CloudOMS.WebPortal.Testing;

// The identity API's JSON as a client sees it; written here so the tests check the wire, not the server's types.

public sealed record SignupBody(string? CompanyName, string? Slug, string? ContactName, string? Phone, string? Email, string? Password);

public sealed record SignupView(string TenantId, string UserId, string Status);

public sealed record TenantRef(string Id, string Name);

public sealed record MeView(string TenantId, string Actor, IReadOnlyList<string> Permissions, IReadOnlyList<string>? Warehouses, IReadOnlyList<TenantRef> Tenants);

public sealed record ApiClientBody(string? Name, IReadOnlyList<string>? Permissions);



public sealed record MemberView(string Id, string Email, string DisplayName, bool Active, bool TwoFactorEnabled, IReadOnlyList<string> RoleIds);

public sealed record InviteBody(string? Email, IReadOnlyList<string>? RoleIds);

public sealed record InvitationView(string Id, string Email, IReadOnlyList<string> RoleIds, IReadOnlyList<string> RoleNames, string InvitedBy,
    DateTimeOffset? SentAt, DateTimeOffset ExpiresAt, bool Expired);

public sealed record PasswordBody(string? CurrentPassword, string? NewPassword, string? ConfirmPassword);

public sealed record AuditEntryView(long Id, string? TenantId, DateTimeOffset At, string Actor, string Action, string? Target, string? Detail);

public sealed record AuditPageView(IReadOnlyList<AuditEntryView> Items, int Total);

public sealed record TwoFactorSetupView(string SharedKey, string AuthenticatorUri);

public sealed record CompanyBody(string? Name, string? TaxId, string? ContactName, string? Phone, string? Address, string? BankName, string? BankAccount);

public sealed record CompanyProfileView(string TenantId, string Name, string Plan, DateTimeOffset CreatedAt, string? TaxId, string? ContactName,
    string? Phone, string? Address, string? BankName, string? BankAccount);
