using System.ComponentModel.DataAnnotations;
using System.Reflection;
using CloudOMS.Identity;
using CloudOMS.Identity.Edge;
using CloudOMS.Silo;
using CloudOMS.Silo.Persistence;
using CloudOMS.Silo.Operations;
using CloudOMS.WebPortal.Operations;
using Microsoft.Extensions.Configuration;

namespace CloudOMS.WebPortal.Tests.Deploy;

/// <summary>
/// deploy/ (Dockerfiles, compose, Kubernetes) agrees with the app: setting names, values, ports, probe
/// paths and grace periods. Renaming a setting or an endpoint without updating deploy/ fails here.
/// </summary>
public sealed class DeployFilesTests
{
    /// <summary>The portal's HTTP port in every container (the aspnet images' convention).</summary>
    private const int PortalPort = 8080;

    private static readonly Dictionary<string, Type> Sections = new(StringComparer.Ordinal)
    {
        [CloudOmsOptions.Section] = typeof(CloudOmsOptions),
        [StorageOptions.Section] = typeof(StorageOptions),
        [PlatformOptions.Section] = typeof(PlatformOptions),
        [CloudOmsIdentityOptions.Section] = typeof(CloudOmsIdentityOptions),
        [TrustedProxyOptions.Section] = typeof(TrustedProxyOptions),
    };

    /// <summary>Settings read by name outside an options class.</summary>
    private static readonly HashSet<string> PlainSettings = ["Urls", "OTEL_EXPORTER_OTLP_ENDPOINT"];

    private static readonly CloudOmsOptions Defaults = new();

    [Fact]
    public void Every_setting_name_in_deploy_files_is_a_property_of_its_options_class()
    {
        var containers = DeployContainers.All();
        Assert.Equal(3 + 2, containers.Count); // compose: 2 silos + portal; k8s: silo + portal
        var errors = new List<string>();
        foreach (var c in containers)
        foreach (var name in c.Env.Keys)
            if (SettingError(name) is { } error) errors.Add($"{c.Where}: {name}: {error}");
        Assert.Empty(errors);
        Assert.All(containers, c => Assert.Contains("Storage__ConnectionString", c.Env.Keys));
    }

    [Fact]
    public void Deployed_settings_bind_and_validate_with_the_apps_rules()
    {
        foreach (var c in DeployContainers.All())
        {
            var config = new ConfigurationBuilder()
                .AddInMemoryCollection(c.Env.Select(kv => KeyValuePair.Create(kv.Key.Replace("__", ":"), (string?)kv.Value))).Build();
            var oms = Bind<CloudOmsOptions>(config, CloudOmsOptions.Section);
            var storage = Bind<StorageOptions>(config, StorageOptions.Section);
            Bind<PlatformOptions>(config, PlatformOptions.Section);
            var identity = Bind<CloudOmsIdentityOptions>(config, CloudOmsIdentityOptions.Section);
            var proxies = Bind<TrustedProxyOptions>(config, TrustedProxyOptions.Section);
            Assert.Equal(StorageProvider.Postgres, storage.Provider);
            Assert.Equal(Defaults.SiloPort, oms.SiloPort);
            Assert.Equal(Defaults.GatewayPort, oms.GatewayPort);
            Assert.True(Path.IsPathRooted(oms.DataDirectory), $"{c.Where}: DataDirectory should be the mounted volume");
            if (c.Kind == DeployContainers.Portal)
                Assert.True(Uri.TryCreate(identity.PublicBaseUrl, UriKind.Absolute, out _), $"{c.Where}: Identity__PublicBaseUrl should say where mailed links point");
            foreach (object options in new object[] { oms, storage, identity, proxies })
            {
                var results = new List<ValidationResult>();
                Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), results, true),
                    $"{c.Where}: {string.Join("; ", results.Select(r => r.ErrorMessage))}");
            }
        }
    }

    [Fact]
    public void Probe_paths_are_the_apps_health_endpoints()
    {
        var check = Assert.Single(DeployFiles.Instructions("Dockerfile.portal", "HEALTHCHECK"));
        Assert.Contains($"http://localhost:{PortalPort}{HealthEndpoints.LivePath} ", check + " ");
        Assert.Empty(DeployFiles.Instructions("Dockerfile.silo", "HEALTHCHECK"));
        var portal = Assert.Single(DeployContainers.Kubernetes(), c => c.Kind == DeployContainers.Portal);
        foreach (var probe in new[] { "startupProbe", "livenessProbe" })
            Assert.Equal(HealthEndpoints.LivePath, portal.Spec!.Req(probe, "httpGet").Str("path"));
        Assert.Equal(HealthEndpoints.ReadyPath, portal.Spec!.Req("readinessProbe", "httpGet").Str("path"));
        Assert.All(new[] { "startupProbe", "livenessProbe", "readinessProbe" },
            p => Assert.Equal($"{PortalPort}", portal.Spec!.Req(p, "httpGet").Str("port")));
        var silo = Assert.Single(DeployContainers.Kubernetes(), c => c.Kind == DeployContainers.Silo);
        foreach (var probe in new[] { "startupProbe", "livenessProbe" })
            Assert.Equal(HealthEndpoints.LivePath, silo.Spec!.Req(probe, "httpGet").Str("path"));
        Assert.Equal(HealthEndpoints.ReadyPath, silo.Spec!.Req("readinessProbe", "httpGet").Str("path"));
        Assert.All(new[] { "startupProbe", "livenessProbe", "readinessProbe" },
            p => Assert.Equal(silo.Env["CloudOms__HealthPort"], silo.Spec!.Req(p, "httpGet").Str("port")));
    }

    [Fact]
    public void Container_and_service_ports_are_the_apps_ports()
    {
        int[] orleans = [Defaults.SiloPort, Defaults.GatewayPort];
        var siloHealth = int.Parse(DeployFiles.DockerEnv("Dockerfile.silo")["CloudOms__HealthPort"]);
        Assert.NotEqual(0, siloHealth);
        int[] silo = [.. orleans.Append(siloHealth).Order()];
        Assert.Equal(silo, Exposed("Dockerfile.silo"));
        Assert.Equal([PortalPort, .. orleans], Exposed("Dockerfile.portal"));
        foreach (var c in DeployContainers.All().Where(c => c.Kind == DeployContainers.Portal))
            Assert.Equal(PortalPort, new Uri(c.Env["Urls"].Replace("+", "localhost")).Port);
        foreach (var c in DeployContainers.Kubernetes())
        {
            var ports = c.Spec!.Req("ports").Items().Select(p => int.Parse(p.Str("containerPort")!)).Order().ToArray();
            // A portal co-hosting a silo also listens on the Orleans ports; as a client (CloudOms__Hosting=Client) it does not.
            int[] expected = c.Kind != DeployContainers.Portal ? silo
                : c.Env.GetValueOrDefault("CloudOms__Hosting") == nameof(PortalHosting.Client) ? [PortalPort] : [PortalPort, .. orleans];
            Assert.Equal(expected, ports);
        }
        var services = DeployFiles.K8s().OfKind("Service").ToDictionary(s => s.Req("metadata").Str("name")!);
        var siloService = services["cloudoms-silo"].Req("spec");
        Assert.Equal("None", siloService.Str("clusterIP"));
        Assert.Equal(orleans, siloService.Req("ports").Items().Select(p => int.Parse(p.Str("targetPort")!)).Order());
        Assert.Equal($"{PortalPort}", Assert.Single(services["cloudoms-portal"].Req("spec", "ports").Items()).Str("targetPort"));
        var published = Assert.Single(DeployContainers.Compose().Single(c => c.Kind == DeployContainers.Portal).Spec!.Req("ports").Items());
        Assert.Equal($"{PortalPort}:{PortalPort}", ((YamlDotNet.RepresentationModel.YamlScalarNode)published).Value);
    }

    [Fact]
    public void The_kubernetes_portal_is_a_client_whose_replicas_share_the_oidc_keys_where_the_identity_server_reads_them()
    {
        var portal = Assert.Single(DeployContainers.Kubernetes(), c => c.Kind == DeployContainers.Portal);
        Assert.Equal(nameof(PortalHosting.Client), portal.Env["CloudOms__Hosting"]);
        Assert.Equal(nameof(StorageProvider.Postgres), portal.Env["Storage__Provider"]);
        var mount = Assert.Single(portal.Spec!.Req("volumeMounts").Items(), m => m.Str("name") == "oidc-keys");
        Assert.Equal(Path.Combine(portal.Env["CloudOms__DataDirectory"], "keys"), mount.Str("mountPath"));
        var volume = Assert.Single(portal.PodSpec!.Req("volumes").Items(), v => v.Str("name") == "oidc-keys");
        Assert.Equal("cloudoms-oidc-keys", volume.Req("secret").Str("secretName"));
    }

    [Fact]
    public void Grace_periods_outlast_the_shutdown_timeout()
    {
        foreach (var c in DeployContainers.All())
        {
            var configured = c.Env.TryGetValue("CloudOms__ShutdownTimeout", out var value) ? TimeSpan.Parse(value) : Defaults.ShutdownTimeout;
            Assert.Equal(Defaults.ShutdownTimeout, configured);
            var grace = c.PodSpec is { } pod
                ? int.Parse(pod.Str("terminationGracePeriodSeconds")!)
                : int.Parse(c.Spec!.Str("stop_grace_period")!.TrimEnd('s'));
            Assert.True(grace > configured.TotalSeconds + 5, $"{c.Where}: grace {grace}s, shutdown {configured}");
        }
    }

    [Fact]
    public void Every_silo_and_portal_shares_one_cluster_and_service_id()
    {
        foreach (var group in new[] { DeployContainers.Compose(), DeployContainers.Kubernetes() })
        {
            Assert.Single(group.Select(c => c.Env["CloudOms__ClusterId"]).Distinct());
            Assert.Single(group.Select(c => c.Env["CloudOms__ServiceId"]).Distinct());
            Assert.Single(group.Select(c => c.Env["Storage__ConnectionString"]).Distinct());
        }
        var k8s = DeployContainers.Kubernetes()[0].Env;
        foreach (var deployment in DeployFiles.K8s().OfKind("Deployment"))
        {
            var labels = deployment.Req("spec", "template", "metadata", "labels").Flat();
            if (labels.TryGetValue("orleans/clusterId", out var cluster)) Assert.Equal(k8s["CloudOms__ClusterId"], cluster);
            if (labels.TryGetValue("orleans/serviceId", out var service)) Assert.Equal(k8s["CloudOms__ServiceId"], service);
        }
    }

    [Fact]
    public void Kubernetes_manifests_are_namespace_agnostic_and_all_listed_in_the_kustomization()
    {
        Assert.All(DeployFiles.K8s(), d => Assert.Null(d.Req("metadata").Get("namespace")));
        var listed = DeployFiles.Yaml("k8s", "kustomization.yaml")[0].Req("resources").Items()
            .Select(i => ((YamlDotNet.RepresentationModel.YamlScalarNode)i).Value).Order();
        var files = Directory.GetFiles(DeployFiles.Path("k8s"), "*.yaml").Select(Path.GetFileName)
            .Where(f => f != "kustomization.yaml").Order();
        Assert.Equal(files, listed);
        Assert.Single(DeployFiles.K8s().OfKind("PodDisruptionBudget"), p => p.Req("spec").Str("minAvailable") == "1");
        var hpa = Assert.Single(DeployFiles.K8s().OfKind("HorizontalPodAutoscaler"));
        Assert.Equal("autoscaling/v2", hpa.Str("apiVersion"));
        Assert.Equal("cpu", Assert.Single(hpa.Req("spec", "metrics").Items()).Req("resource").Str("name"));
    }

    [Fact]
    public void Every_silo_and_portal_requires_cluster_TLS_with_a_certificate_that_is_mounted_where_the_settings_name_it()
    {
        foreach (var c in DeployContainers.All())
        {
            Assert.True(c.Env.GetValueOrDefault("CloudOms__RequireClusterTls") == "true", $"{c.Where}: cluster TLS is not required");
            var certificate = c.Env["CloudOms__ClusterCertificatePath"];
            var key = c.Env["CloudOms__ClusterCertificateKeyPath"];
            Assert.Equal(Path.GetDirectoryName(certificate), Path.GetDirectoryName(key));
            Assert.Contains(Path.GetDirectoryName(certificate), Mounts(c));
        }

        // Compose: the cluster-certificate job writes into that volume before any silo or portal starts.
        var services = DeployFiles.Yaml("docker-compose.yml")[0].Req("services");
        var job = services.Req("cluster-certificate");
        var entrypoint = job.Req("entrypoint").Items().Select(i => ((YamlDotNet.RepresentationModel.YamlScalarNode)i).Value).ToList();
        Assert.Equal(["dotnet", "CloudOMS.Silo.dll", "cluster-certificate"], entrypoint[..3]);
        foreach (var c in DeployContainers.Compose())
        {
            Assert.Equal(entrypoint[3], Path.GetDirectoryName(c.Env["CloudOms__ClusterCertificatePath"]));
            Assert.Equal("service_completed_successfully", c.Spec!.Req("depends_on", "cluster-certificate").Str("condition"));
            Assert.Equal($"{ClusterTls.CertificateFile}|{ClusterTls.KeyFile}",
                $"{Path.GetFileName(c.Env["CloudOms__ClusterCertificatePath"])}|{Path.GetFileName(c.Env["CloudOms__ClusterCertificateKeyPath"])}");
        }

        // Kubernetes: a TLS secret (tls.crt, tls.key) mounted into every pod.
        foreach (var c in DeployContainers.Kubernetes())
        {
            var mount = Assert.Single(c.Spec!.Req("volumeMounts").Items(), m => m.Str("mountPath") == Path.GetDirectoryName(c.Env["CloudOms__ClusterCertificatePath"]));
            var volume = Assert.Single(c.PodSpec!.Req("volumes").Items(), v => v.Str("name") == mount.Str("name"));
            Assert.Equal("cloudoms-cluster-tls", volume.Req("secret").Str("secretName"));
            Assert.Equal("tls.crt|tls.key", $"{Path.GetFileName(c.Env["CloudOms__ClusterCertificatePath"])}|{Path.GetFileName(c.Env["CloudOms__ClusterCertificateKeyPath"])}");
        }
    }

    [Fact]
    public void The_silo_health_port_listens_on_the_pods_address_in_kubernetes_and_on_loopback_elsewhere()
    {
        var silo = Assert.Single(DeployContainers.Kubernetes(), c => c.Kind == DeployContainers.Silo);
        var health = Assert.Single(silo.Spec!.Req("env").Items(), e => e.Str("name") == "CloudOms__HealthAddress");
        Assert.Equal("status.podIP", health.Req("valueFrom", "fieldRef").Str("fieldPath"));
        Assert.False(DeployFiles.DockerEnv("Dockerfile.silo").ContainsKey("CloudOms__HealthAddress"));
        Assert.Equal("127.0.0.1", Defaults.HealthAddress);
    }

    /// <summary>The folders mounted into a container: compose volume strings, Kubernetes volumeMounts.</summary>
    private static List<string?> Mounts(DeployedContainer c) => c.PodSpec is null
        ? [.. c.Spec!.Req("volumes").Items().Select(v => ((YamlDotNet.RepresentationModel.YamlScalarNode)v).Value!.Split(':')[1])]
        : [.. c.Spec!.Req("volumeMounts").Items().Select(m => m.Str("mountPath"))];

    private static int[] Exposed(string dockerfile) => DeployFiles.Instructions(dockerfile, "EXPOSE")
        .SelectMany(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(int.Parse).Order().ToArray();

    private static T Bind<T>(IConfiguration config, string section) where T : new()
    {
        var options = new T();
        config.GetSection(section).Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        return options;
    }

    /// <summary>Why a setting name would be ignored by the app, or null when it maps to a bindable property.</summary>
    private static string? SettingError(string name)
    {
        if (PlainSettings.Contains(name)) return null;
        var parts = name.Split("__");
        if (parts.Length < 2) return "not a setting the app reads";
        if (!Sections.TryGetValue(parts[0], out var type)) return $"no options class for section '{parts[0]}'";
        var property = type.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance);
        if (property?.SetMethod is not { IsPublic: true }) return $"{type.Name} has no settable property '{parts[1]}'";
        if (parts.Length == 2) return null;
        var isList = property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(List<>);
        return parts.Length == 3 && isList && int.TryParse(parts[2], out _) ? null : $"'{name}' goes deeper than {type.Name}.{property.Name}";
    }
}
