using CloudOMS.PlainOrders;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

// The plain design: every order one PostgreSQL transaction, nothing in memory between requests.
// Configuration (from the load tool, as environment variables): PlainOrders__ConnectionString, PlainOrders__JwtKey
// (base64, HMAC-SHA256), PlainOrders__Connections (pool size); --urls http://127.0.0.1:<port>.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var settings = builder.Configuration.GetSection("PlainOrders");
var key = Convert.FromBase64String(settings["JwtKey"] ?? throw new InvalidOperationException("PlainOrders:JwtKey is required"));
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
{
    jwt.MapInboundClaims = false;
    jwt.TokenValidationParameters = new TokenValidationParameters
    {
        ValidIssuer = PlainTokens.Issuer,
        ValidAudience = PlainTokens.Audience,
        IssuerSigningKey = new SymmetricSecurityKey(key),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
    };
});
builder.Services.AddAuthorization();
builder.Services.AddSingleton(new NpgsqlDataSourceBuilder(settings["ConnectionString"] ?? throw new InvalidOperationException("PlainOrders:ConnectionString is required"))
{
    ConnectionStringBuilder = { MaxPoolSize = settings.GetValue("Connections", 64), NoResetOnClose = true },
}.Build());
builder.Services.AddSingleton<OrderStore>();

var app = builder.Build();
await app.Services.GetRequiredService<OrderStore>().CreateSchema();
app.UseAuthentication();
app.UseAuthorization();
app.MapGet("/health", () => TypedResults.Ok());
app.MapOrders();
await app.RunAsync();

namespace CloudOMS.PlainOrders
{
    /// <summary>Who signs the tokens this service accepts (the load tool) and for whom.</summary>
    public static class PlainTokens
    {
        public const string Issuer = "cloudoms-load";
        public const string Audience = "plain-orders";
    }
}
