namespace CloudOMS.Identity.Tests;

// Identity portals shared by the classes of a collection (one class after another; the collections side by
// side). Each class signs up companies or invites people of its own; the portal's limits are raised for
// everyone alike (IdentityPortal). A class that counts the portal's own work (database queries), degrades it,
// or needs other settings keeps a portal of its own.

/// <summary>Sign-in, sessions, tokens and sign-up.</summary>
[CollectionDefinition(Name)]
public sealed class SignInPortal : ICollectionFixture<IdentityPortal>
{
    public const string Name = "sign-in portal";
}

/// <summary>Permissions, routes, admin rules, two-factor and company profiles.</summary>
[CollectionDefinition(Name)]
public sealed class AdminPortal : ICollectionFixture<IdentityPortal>
{
    public const string Name = "admin portal";
}
