namespace CompraNet.ProcurementPortal.Ocds;

/// <summary>The OCDS schema, codelist and extension files embedded from Ocds/Schema (resource names <c>Ocds/Schema/…</c>).</summary>
internal static class OcdsSchemaFiles
{
    private const string Prefix = "Ocds/Schema/";

    public static string Read(string path)
    {
        using var stream = typeof(OcdsSchemaFiles).Assembly.GetManifestResourceStream(Prefix + path)
            ?? throw new InvalidOperationException($"The OCDS file {path} is not embedded in the portal assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The embedded files directly under <paramref name="folder"/>, as paths relative to Ocds/Schema.</summary>
    public static IEnumerable<string> List(string folder) =>
        typeof(OcdsSchemaFiles).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix + folder + "/", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Where(p => !p[(folder.Length + 1)..].Contains('/', StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
}
