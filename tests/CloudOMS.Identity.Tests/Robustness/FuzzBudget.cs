using System.Globalization;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>
/// How long the walk may run: whichever ends first of a request count and a time (the suite runs twice in
/// ./test.sh, on SQLite and on PostgreSQL, on a small machine). The seed is new each run unless
/// CLOUDOMS_FUZZ_SEED names one: the report prints it, so a failure can be replayed.
/// </summary>
public sealed record FuzzBudget(int Seed, int Requests, TimeSpan Time)
{
    public const string SeedVariable = "CLOUDOMS_FUZZ_SEED";
    public const string RequestsVariable = "CLOUDOMS_FUZZ_REQUESTS";
    public const string SecondsVariable = "CLOUDOMS_FUZZ_SECONDS";

    public static FuzzBudget FromEnvironment() => new(
        Number(SeedVariable) ?? Random.Shared.Next(1, 1_000_000),
        Number(RequestsVariable) ?? 6_000,
        TimeSpan.FromSeconds(Number(SecondsVariable) ?? 60));

    public override string ToString() =>
        $"seed {Seed} (replay: {SeedVariable}={Seed}), budget {Requests:N0} requests or {Time.TotalSeconds:0} s";

    private static int? Number(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
