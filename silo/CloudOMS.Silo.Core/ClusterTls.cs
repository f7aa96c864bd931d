using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Orleans.Connections.Security;

namespace CloudOMS.Silo;

/// <summary>
/// Mutual TLS on the silo-to-silo and gateway ports. Every silo and client of a deployment holds the same cluster
/// certificate and accepts a peer only when it presents that very certificate (pinned, so a self-signed one needs no
/// CA and no host name): without it an Orleans client cannot even finish the handshake, let alone call a grain.
/// Configured by CloudOms:ClusterCertificatePath (+ ClusterCertificateKeyPath); CloudOms:RequireClusterTls makes a
/// process without one refuse to start. Rotating the certificate means restarting every process with the new one.
/// </summary>
public static class ClusterTls
{
    public const string CertificateFile = "cluster.crt";
    public const string KeyFile = "cluster.key";

    /// <summary>The configured cluster certificate with its private key, null when none is configured and none is required.</summary>
    public static X509Certificate2? Load(CloudOmsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ClusterCertificatePath))
        {
            if (!options.RequireClusterTls) return null;
            throw Refused("CloudOms:RequireClusterTls is set, but no cluster certificate is configured: set CloudOms:ClusterCertificatePath " +
                          "(environment CloudOms__ClusterCertificatePath, and CloudOms__ClusterCertificateKeyPath for a separate PEM key) to the " +
                          "certificate every silo and client of this cluster shares (deploy/README.md, cluster TLS). Without it the silo and " +
                          "gateway ports would accept any Orleans client.");
        }
        var path = options.ClusterCertificatePath;
        if (!File.Exists(path)) throw Refused($"The cluster certificate CloudOms:ClusterCertificatePath={path} does not exist.");
        try
        {
            var certificate = Path.GetExtension(path) is ".pfx" or ".p12"
                ? X509CertificateLoader.LoadPkcs12FromFile(path, null)
                : X509Certificate2.CreateFromPemFile(path, string.IsNullOrWhiteSpace(options.ClusterCertificateKeyPath) ? null : options.ClusterCertificateKeyPath);
            return certificate.HasPrivateKey
                ? certificate
                : throw Refused($"The cluster certificate {path} has no private key: set CloudOms:ClusterCertificateKeyPath to its PEM key.");
        }
        catch (CryptographicException error)
        {
            throw Refused($"The cluster certificate {path} could not be read: {error.Message}");
        }
    }

    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, X509Certificate2 certificate) =>
        silo.UseTls(certificate, options => Pin(options, certificate));

    public static IClientBuilder UseClusterTls(this IClientBuilder client, X509Certificate2 certificate) =>
        client.UseTls(certificate, options => Pin(options, certificate));

    /// <summary>A self-signed certificate fit for both ends of a cluster connection (server and client authentication).</summary>
    public static X509Certificate2 Create(string subject = "CN=cloudoms-cluster", int years = 5, TimeProvider? clock = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(years));
    }

    /// <summary>
    /// Writes a new cluster certificate and key as PEM into <paramref name="folder"/> unless one is there already
    /// (deploy/local-cluster.sh and the compose file's cluster-certificate job run it; the key is readable by its owner only).
    /// </summary>
    public static (string Certificate, string Key, bool Created) WriteIfMissing(string folder)
    {
        Directory.CreateDirectory(folder);
        var (certificatePath, keyPath) = (Path.Combine(folder, CertificateFile), Path.Combine(folder, KeyFile));
        if (File.Exists(certificatePath) && File.Exists(keyPath)) return (certificatePath, keyPath, false);
        using var certificate = Create();
        using var key = certificate.GetECDsaPrivateKey()!;
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        return (certificatePath, keyPath, true);
    }

    private static void Pin(TlsOptions options, X509Certificate2 certificate)
    {
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // The peer's certificate must be ours, byte for byte; chain and name errors of a self-signed one do not matter then.
        options.RemoteCertificateValidation = (remote, _, _) => remote.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span);
    }

    private static OptionsValidationException Refused(string message) =>
        new(CloudOmsOptions.Section, typeof(CloudOmsOptions), [message]);
}
