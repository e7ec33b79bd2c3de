using System.Security.Cryptography;
using CompraNet.AuctionHost.Hosting;

namespace CompraNet.AuctionHost.Tenders;

/// <summary>
/// Resolves the tender master key: from <c>CompraNet:Tenders:MasterKey</c>, or outside cluster mode from a key
/// generated once into the data folder (owner-only file, beside but never inside the database). In cluster mode a
/// missing key stops the host: every host must seal and open with the same one.
/// </summary>
public static class TenderKeyProvider
{
    public const int MinimumKeyBytes = 32;

    public const string KeyFileName = "tender-master.key";

    public static byte[] Resolve(TenderOptions tenders, CompraNetOptions options)
    {
        ArgumentNullException.ThrowIfNull(tenders);
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(tenders.MasterKey))
        {
            return FromBase64(tenders.MasterKey, $"{TenderOptions.SectionName}:MasterKey");
        }

        if (options.IsCluster)
        {
            throw new InvalidOperationException(
                $"{TenderOptions.SectionName}:MasterKey is required in cluster mode: set it (base64 of at least {MinimumKeyBytes} random bytes, e.g. `openssl rand -base64 32`, the same on every host) through an environment variable CompraNet__Tenders__MasterKey or a secret store, never in the database.");
        }

        var path = Path.Combine(Path.GetFullPath(options.DataDirectory), KeyFileName);
        if (!File.Exists(path))
        {
            Generate(path);
        }

        return FromBase64(File.ReadAllText(path).Trim(), path);
    }

    /// <summary>Writes a new key to a temporary owner-only file and moves it into place unless another process won the race.</summary>
    private static void Generate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!); // a full path always has a directory
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, file))
        {
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumKeyBytes)));
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another host process on the same data folder generated it first: keep theirs.
            File.Delete(temporary);
        }
    }

    private static byte[] FromBase64(string value, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The tender master key in {source} is not base64.");
        }

        if (bytes.Length < MinimumKeyBytes)
        {
            throw new InvalidOperationException($"The tender master key in {source} has {bytes.Length} bytes; at least {MinimumKeyBytes} are required.");
        }

        return bytes;
    }
}
