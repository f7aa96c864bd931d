using Microsoft.AspNetCore.DataProtection;
using CloudOMS.Identity.Access;
using CloudOMS.Identity.Accounts;
using CloudOMS.Identity.Admin;
using CloudOMS.Identity.Connect;
using CloudOMS.Identity.Data;
using CloudOMS.Identity.Edge;
using CloudOMS.Identity.Email;
using CloudOMS.Identity.Keys;
using CloudOMS.Identity.Signup;
using CloudOMS.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Validation.AspNetCore;

namespace CloudOMS.Identity;

public static class IdentityHostingExtensions
{
    /// <summary>
    /// The identity server (OpenIddict + ASP.NET Core Identity) with its database and keys under
    /// <paramref name="dataDirectory"/>, and bearer-token validation for this host's API.
    /// </summary>
    public const string DataProtectionApplication = "CloudOMS";

    /// <summary>Where the ASP.NET Core data protection key ring is kept.</summary>
    public static string DataProtectionKeys(string dataDirectory) => Path.Combine(dataDirectory, "keys", "data-protection");

    public static IHostApplicationBuilder AddCloudOmsIdentity(this IHostApplicationBuilder builder, string dataDirectory)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(CloudOmsIdentityOptions.Section).Get<CloudOmsIdentityOptions>() ?? new();
        services.AddOptions<CloudOmsIdentityOptions>().BindConfiguration(CloudOmsIdentityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddTrustedProxies();
        services.AddSingleton<PublicUrls>();
        services.AddSingleton<IPublicUrls>(sp => sp.GetRequiredService<PublicUrls>());
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        Directory.CreateDirectory(dataDirectory);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        // Cookies, antiforgery tokens and the browser's protected storage stay readable across restarts and by
        // every instance that shares the data folder (or volume): one key ring, one application name.
        // On PostgreSQL the key ring is in the shared database, so instances need no shared folder.
        var store = IdentityStore.From(DataLocation.Read(builder.Configuration, dataDirectory));
        services.AddSingleton(store);
        var dataProtection = services.AddDataProtection().SetApplicationName(DataProtectionApplication);
        if (store.Postgres) dataProtection.PersistKeysToDbContext<IdentityDb>();
        else dataProtection.PersistKeysToFileSystem(new DirectoryInfo(DataProtectionKeys(dataDirectory)));

        // Bearer calls are answered from a cache of token entries and grants that every change taking access away
        // empties everywhere before it answers (AccessCache has the guarantee).
        services.AddSingleton(sp => new AccessCache(sp.GetRequiredService<TimeProvider>(), leased: store.Postgres));
        services.AddSingleton<AccessGrants>();
        if (store.Postgres) services.AddSingleton<IAccessChanges, PostgresAccessChanges>();
        else services.AddSingleton<IAccessChanges, LocalAccessChanges>();
        services.AddSingleton<AccessChangeInterceptor>();
        services.AddDbContext<IdentityDb>((sp, o) =>
        {
            store.Configure(o);
            o.AddInterceptors(sp.GetRequiredService<AccessChangeInterceptor>());
        });
        services.AddIdentityCore<OmsUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                // Account-wide lockout counts wrong two-factor codes only, which take the password first; wrong
                // passwords are counted per source by SignInGuard, so a stranger cannot lock anyone out.
                o.Lockout.MaxFailedAccessAttempts = options.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = options.LockoutDuration;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddSignInManager<OmsSignInManager>()
            .AddClaimsPrincipalFactory<PasswordFingerprintClaims>()
            .AddDefaultTokenProviders();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "cloudoms.sso";
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            // Refused at once in every browser after a password change or reset (then the security stamp check).
            o.Events.OnValidatePrincipal = PasswordFingerprint.ValidateSso;
        });
        services.AddAuthorization();
        services.AddAntiforgery();

        var keys = Path.Combine(dataDirectory, "keys");
        services.AddOpenIddict()
            .AddCore(o =>
            {
                o.UseEntityFrameworkCore().UseDbContext<IdentityDb>();
                o.ReplaceTokenManager<OpenIddictEntityFrameworkCoreToken, AccessTokenManager>();
            })
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetIntrospectionEndpointUris("connect/introspect");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                o.RegisterScopes("openid", "profile", "email", "offline_access", OmsClaims.ApiScope);
                o.AddSigningKey(KeyStore.Load(keys, "signing"));
                o.AddEncryptionKey(KeyStore.Load(keys, "encryption"));
                // Access tokens are plain signed JWTs, so any standard library can read them.
                o.DisableAccessTokenEncryption();
                var aspNet = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!options.RequireHttps) aspNet.DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
                // Each access token is checked against its stored entry, so a revoked token stops at once: through
                // the access cache, in place of EnableTokenEntryValidation's database read on every call.
                o.AddEventHandler(CachedTokenEntryValidation.Descriptor);
                o.AddAudiences(OmsClaims.ApiResource);
            });

        services.AddAccountRateLimits(options);
        services.AddSingleton<SignInGuard>();
        services.AddSingleton<TrustedDevices>();

        services.AddScoped<AccessResolver>();
        services.AddScoped<CurrentAccess>();
        services.AddScoped<IAuditStore, IdentityAuditStore>();
        services.AddScoped<AuditLog>();
        services.AddScoped<ITenantAccounts, IdentityTenantAccounts>();
        services.AddScoped<TenantDirectory>();
        services.AddScoped<SignupService>();
        services.AddScoped<ApiClientService>();
        services.AddScoped<MemberAdmin>();
        services.AddScoped<InvitationAdmin>();
        services.AddScoped<PasswordChange>();
        services.AddScoped<RoleAdmin>();
        services.AddScoped<TwoFactorEnrolment>();
        services.AddSingleton<IEmailSender>(sp =>
            string.IsNullOrEmpty(sp.GetRequiredService<IOptions<EmailOptions>>().Value.SmtpHost)
                ? new FileEmailSender(Path.Combine(dataDirectory, "mail"), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FileEmailSender>>())
                : ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp));
        services.AddHostedService<IdentityStartup>();
        // After IdentityStartup, which creates the listeners' table.
        if (store.Postgres) services.AddHostedService<PostgresAccessListener>();
        return builder;
    }

    /// <summary>Sign-in pages, the OIDC endpoints and the identity administration API.</summary>
    public static WebApplication MapCloudOmsIdentity(this WebApplication app)
    {
        app.MapAccountPages();
        app.MapConnectEndpoints();
        app.MapSignupApi();
        app.MapSignupPage();
        app.MapAdminApi();
        app.MapInvitationPages();
        return app;
    }

    /// <summary>
    /// Middleware in order: rate limits, authentication, antiforgery, then API access checks. The host puts
    /// <see cref="TrustedProxies.UseTrustedProxies"/> first in its pipeline, so all of these see the real client.
    /// </summary>
    public static WebApplication UseCloudOmsIdentity(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseCloudOmsAccess();
        return app;
    }

    /// <summary>The scheme that authenticates API callers by bearer access token.</summary>
    public const string BearerScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
}
