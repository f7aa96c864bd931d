using Microsoft.AspNetCore.Builder;

namespace CloudOMS.Identity.Access;

/// <summary>The permission a route needs; <see cref="AnyMember"/> means any signed-in member of the tenant.</summary>
public sealed record RequiresPermission(string Code)
{
    public const string AnyMember = "";
}

public static class RequirePermissionExtensions
{
    /// <summary>The permission a route needs; the identity server's access middleware refuses a caller without it.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string code) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresPermission(code));
}
