using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CloudOMS.Identity.Keys;

/// <summary>
/// The identity server's signing and encryption keys, created once and kept as PEM files in the
/// data folder, so tokens and the published JWKS survive restarts. Private deployments back up
/// this folder like any other secret.
/// </summary>
public static class KeyStore
{
    public static RsaSecurityKey Load(string directory, string name)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{name}.pem");
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = 2048;
            var temp = path + ".tmp";
            File.WriteAllText(temp, rsa.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(temp, path, overwrite: false);
        }
        return new RsaSecurityKey(rsa) { KeyId = Convert.ToHexString(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16] };
    }
}
