using YamlDotNet.RepresentationModel;

namespace CloudOMS.WebPortal.Tests.Deploy;

/// <summary>One CloudOMS container as deployed: where it is declared, its image kind and its final environment.</summary>
internal sealed record DeployedContainer(string Where, string Kind, Dictionary<string, string> Env, YamlNode? Spec, YamlNode? PodSpec);

internal static class DeployContainers
{
    public const string Portal = "portal";
    public const string Silo = "silo";

    public static string Dockerfile(string kind) => $"Dockerfile.{kind}";

    /// <summary>
    /// The compose services built from our images: the Dockerfile's ENV overridden by the service's environment.
    /// One-shot jobs run from our images with an entrypoint of their own (the cluster certificate) are not containers
    /// of the cluster.
    /// </summary>
    public static List<DeployedContainer> Compose()
    {
        var services = DeployFiles.Yaml("docker-compose.yml")[0].Req("services");
        var result = new List<DeployedContainer>();
        foreach (var (key, service) in ((YamlMappingNode)services).Children)
        {
            var image = service.Str("image") ?? "";
            if (!image.StartsWith("cloudoms-", StringComparison.Ordinal) || service.Get("entrypoint") is not null) continue;
            var kind = image["cloudoms-".Length..];
            var env = DeployFiles.DockerEnv(Dockerfile(kind));
            foreach (var (k, v) in service.Get("environment").Flat()) env[k] = v;
            result.Add(new($"compose service {key}", kind, env, service, null));
        }
        return result;
    }

    /// <summary>The containers of the Kubernetes Deployments: Dockerfile ENV, then envFrom ConfigMaps/Secrets, then env.</summary>
    public static List<DeployedContainer> Kubernetes()
    {
        var docs = DeployFiles.K8s();
        var maps = docs.OfKind("ConfigMap").ToDictionary(d => d.Req("metadata").Str("name")!, d => d.Get("data").Flat());
        var secrets = docs.OfKind("Secret").ToDictionary(d => d.Req("metadata").Str("name")!, d => d.Get("stringData").Flat());
        var result = new List<DeployedContainer>();
        foreach (var deployment in docs.OfKind("Deployment"))
        {
            var pod = deployment.Req("spec", "template", "spec");
            foreach (var container in pod.Req("containers").Items())
            {
                var image = container.Str("image")!;
                var kind = image["cloudoms-".Length..image.IndexOf(':')];
                var env = DeployFiles.DockerEnv(Dockerfile(kind));
                foreach (var from in container.Get("envFrom")?.Items() ?? [])
                {
                    var source = from.Get("configMapRef") is { } m ? maps[m.Str("name")!] : secrets[from.Req("secretRef").Str("name")!];
                    foreach (var (k, v) in source) env[k] = v;
                }
                foreach (var item in container.Get("env")?.Items() ?? []) env[item.Str("name")!] = item.Str("value") ?? "";
                result.Add(new($"k8s {deployment.Req("metadata").Str("name")}/{container.Str("name")}", kind, env, container, pod));
            }
        }
        return result;
    }

    public static List<DeployedContainer> All() => [.. Compose(), .. Kubernetes()];
}
