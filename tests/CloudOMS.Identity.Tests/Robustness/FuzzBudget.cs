using System.Globalization;

namespace CloudOMS.Identity.Tests.Robustness;

/// <summary>
/// How long the walk may run: until a request count or a time, counted from the portal's start, whichever comes first
/// (the suite runs twice in ./test.sh, on SQLite and on PostgreSQL, on a small shared machine: a slow setup leaves
/// less time to walk, never less than <see cref="MinimumWalk"/>). The seed is new each run unless CLOUDOMS_FUZZ_SEED
/// names one: the report prints it, so a failure can be replayed.
/// </summary>
public sealed record FuzzBudget(int Seed, int Requests, TimeSpan Time)
{
    public const string SeedVariable = "CLOUDOMS_FUZZ_SEED";
    public const string RequestsVariable = "CLOUDOMS_FUZZ_REQUESTS";
    public const string SecondsVariable = "CLOUDOMS_FUZZ_SECONDS";

    public static readonly TimeSpan MinimumWalk = TimeSpan.FromSeconds(20);

    public static FuzzBudget FromEnvironment() => new(
        Number(SeedVariable) ?? Random.Shared.Next(1, 1_000_000),
        Number(RequestsVariable) ?? 6_000,
        TimeSpan.FromSeconds(Number(SecondsVariable) ?? 90));

    /// <summary>How long the walk may take after a setup that took <paramref name="setup"/>.</summary>
    public TimeSpan WalkTime(TimeSpan setup) => Time - setup > MinimumWalk ? Time - setup : MinimumWalk;

    public override string ToString() =>
        $"seed {Seed} (replay: {SeedVariable}={Seed}), budget {Requests:N0} requests or {Time.TotalSeconds:0} s with the setup";

    private static int? Number(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
