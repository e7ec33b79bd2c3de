using CompraNet.AuctionHost.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace CompraNet.AuctionHost.Accounts;

/// <summary>
/// Resolves the JWT signing key: from <c>CompraNet:Auth:SigningKey</c>, or in embedded mode from a key generated
/// once into the data folder (owner-only file) so tokens survive restarts. Outside embedded mode a missing key stops the host.
/// </summary>
public static class SigningKeyProvider
{
    public const int MinimumKeyBytes = 32;

    public static SymmetricSecurityKey Resolve(AuthOptions auth, CompraNetOptions options)
    {
        if (!string.IsNullOrWhiteSpace(auth.SigningKey))
        {
            return FromBase64(auth.SigningKey, "CompraNet:Auth:SigningKey");
        }

        if (!options.IsEmbedded)
        {
            throw new InvalidOperationException(
                "CompraNet:Auth:SigningKey is required outside embedded mode: set it (base64 of at least 32 random bytes, e.g. `openssl rand -base64 48`) through an environment variable CompraNet__Auth__SigningKey or a secret store.");
        }

        var path = Path.Combine(Path.GetFullPath(options.DataDirectory), "jwt-signing.key");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            var generated = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
            var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var writer = new StreamWriter(path, file);
            writer.Write(generated);
        }

        return FromBase64(File.ReadAllText(path).Trim(), path);
    }

    private static SymmetricSecurityKey FromBase64(string value, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The signing key in {source} is not base64.");
        }

        if (bytes.Length < MinimumKeyBytes)
        {
            throw new InvalidOperationException($"The signing key in {source} has {bytes.Length} bytes; at least {MinimumKeyBytes} are required.");
        }

        return new SymmetricSecurityKey(bytes);
    }
}
