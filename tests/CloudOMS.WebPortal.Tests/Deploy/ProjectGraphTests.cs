using System.Xml.Linq;

namespace CloudOMS.WebPortal.Tests.Deploy;

/// <summary>
/// The project graph stays the one docs/architecture.md draws: executables are thin hosts that only tests
/// reference, billing needs no identity server, and each Dockerfile copies every project its app is built from.
/// </summary>
public sealed class ProjectGraphTests
{
    private static readonly string Root = Path.GetDirectoryName(DeployFiles.Root)!;
    private static readonly Dictionary<string, ProjectFile> Projects = ProjectFile.All(Root);

    [Fact]
    public void Only_test_projects_reference_an_executable()
    {
        var found = Projects.Values.Where(p => !p.IsTest)
            .SelectMany(p => p.References.Where(r => Projects[r].IsExe).Select(r => $"{p.Name} -> {r}"));
        Assert.Empty(found);
    }

    [Fact]
    public void Billing_reaches_identity_only_through_its_abstractions()
    {
        var billing = Closure("CloudOMS.Billing");
        Assert.Contains("CloudOMS.Identity.Abstractions", billing);
        Assert.DoesNotContain("CloudOMS.Identity", billing);
    }

    [Theory]
    [InlineData("Dockerfile.portal", "CloudOMS.WebPortal")]
    [InlineData("Dockerfile.silo", "CloudOMS.Silo")]
    public void A_Dockerfile_copies_the_folder_of_every_project_its_app_is_built_from(string dockerfile, string app)
    {
        // COPY [--flags] SOURCE... DEST: the sources, as top-level folder names.
        var copied = DeployFiles.Instructions(dockerfile, "COPY")
            .Select(args => args.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList())
            .SelectMany(words => words[..^1]).Select(source => source.TrimEnd('/')).ToHashSet();
        var needed = Closure(app).Append(app).Select(p => Projects[p].Folder).ToHashSet();
        Assert.Empty(needed.Except(copied));
    }

    private static HashSet<string> Closure(string project)
    {
        var seen = new HashSet<string>();
        var next = new Stack<string>(Projects[project].References);
        while (next.TryPop(out var name))
            if (seen.Add(name)) foreach (var reference in Projects[name].References) next.Push(reference);
        return seen;
    }

    private sealed record ProjectFile(string Name, string Folder, bool IsExe, bool IsTest, IReadOnlyList<string> References)
    {
        private static readonly string[] Folders = ["silo", "web-portal", "identity", "billing", "loadtests", "tests"];

        public static Dictionary<string, ProjectFile> All(string root) =>
            Folders.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.csproj", SearchOption.AllDirectories)
                .Select(path => Read(folder, path))).ToDictionary(p => p.Name);

        private static ProjectFile Read(string folder, string path)
        {
            var project = XDocument.Load(path).Root!;
            var outputType = project.Descendants("OutputType").LastOrDefault()?.Value;
            var web = project.Attribute("Sdk")?.Value == "Microsoft.NET.Sdk.Web";
            var references = project.Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/'))).ToList();
            return new ProjectFile(Path.GetFileNameWithoutExtension(path), folder,
                IsExe: outputType == "Exe" || (web && outputType is null),
                IsTest: folder == "tests" || project.Descendants("IsTestProject").Any(e => e.Value == "true"),
                References: references);
        }
    }
}
