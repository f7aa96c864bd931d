namespace CloudOMS.LoadTests.Cli;

/// <summary><c>--name value</c> pairs from the command line, read with defaults.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _values;

    private Options(Dictionary<string, string> values) => _values = values;

    public static Options Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new ArgumentException($"expected '--name value', got '{args[i]}'");
            values[args[i][2..]] = args[++i];
        }
        return new Options(values);
    }

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public bool Has(string name) => _values.ContainsKey(name);

    public double Decimal(string name, double fallback) =>
        _values.TryGetValue(name, out var text)
            ? double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"--{name} must be a number")
            : fallback;

    public TimeSpan Seconds(string name, double fallback) => TimeSpan.FromSeconds(Decimal(name, fallback));

    public IReadOnlyList<string> List(string name, string fallback) =>
        [.. Text(name, fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(v => v != "none")];

    public int Number(string name, int fallback) =>
        _values.TryGetValue(name, out var text) ? int.TryParse(text, out var value) ? value : throw new ArgumentException($"--{name} must be a number") : fallback;
}
