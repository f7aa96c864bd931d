using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CloudOMS.WebPortal.Tests.Deploy;

/// <summary>The files under deploy/, read as the container runtime and Kubernetes would read them.</summary>
internal static partial class DeployFiles
{
    public static readonly string Root = FindDeployFolder();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>Every document of a YAML file; aliases are resolved by the representation model.</summary>
    public static List<YamlMappingNode> Yaml(params string[] parts)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path(parts))) stream.Load(reader);
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    public static List<YamlMappingNode> K8s() => Directory.GetFiles(Path("k8s"), "*.yaml")
        .Where(f => System.IO.Path.GetFileName(f) != "kustomization.yaml")
        .SelectMany(f => Yaml("k8s", System.IO.Path.GetFileName(f))).ToList();

    public static IEnumerable<YamlMappingNode> OfKind(this IEnumerable<YamlMappingNode> docs, string kind) =>
        docs.Where(d => d.Str("kind") == kind);

    public static YamlNode? Get(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlNode Req(this YamlNode node, params string[] keys) =>
        keys.Aggregate(node, (n, k) => n.Get(k) ?? throw new InvalidOperationException($"missing key '{k}'"));

    public static string? Str(this YamlNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode node) => node is YamlSequenceNode seq ? seq.Children : [];

    /// <summary>A mapping's scalar entries, with compose's merge key (&lt;&lt;: *anchor) applied.</summary>
    public static Dictionary<string, string> Flat(this YamlNode? node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map) return result;
        if (map.Get("<<") is { } merged)
            foreach (var (k, v) in merged.Flat()) result[k] = v;
        foreach (var (k, v) in map.Children)
            if (k is YamlScalarNode { Value: { } key } && key != "<<" && v is YamlScalarNode scalar)
                result[key] = scalar.Value ?? "";
        return result;
    }

    /// <summary>The ENV assignments of a Dockerfile (KEY=value pairs, line continuations joined).</summary>
    public static Dictionary<string, string> DockerEnv(string dockerfile) =>
        Instructions(dockerfile, "ENV").SelectMany(args => EnvPair().Matches(args))
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    /// <summary>The arguments of every instruction of that name, continuation lines joined.</summary>
    public static List<string> Instructions(string dockerfile, string instruction)
    {
        var text = File.ReadAllText(Path(dockerfile)).Replace("\\\r\n", " ").Replace("\\\n", " ");
        return text.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith(instruction + " ", StringComparison.Ordinal))
            .Select(l => l[(instruction.Length + 1)..].Trim()).ToList();
    }

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(\S*)")]
    private static partial Regex EnvPair();

    private static string FindDeployFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "CloudOMS.sln"))) dir = dir.Parent;
        return System.IO.Path.Combine(dir?.FullName ?? throw new InvalidOperationException("CloudOMS.sln not found"), "deploy");
    }
}
