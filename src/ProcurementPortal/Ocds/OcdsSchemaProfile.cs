using NJsonSchema;

namespace CompraNet.ProcurementPortal.Ocds;

/// <summary>The three entry schemas of one flavour of OCDS 1.1.5: core, or with the declared extensions patched in.</summary>
internal sealed record OcdsSchemaProfile(JsonSchema Release, JsonSchema ReleasePackage, JsonSchema RecordPackage)
{
    /// <param name="releaseSchema">The release schema to use (core or patched); the other files are the embedded originals.</param>
    public static async Task<OcdsSchemaProfile> LoadAsync(string releaseSchema)
    {
        var loader = new OcdsSchemaLoader(file => file == "release-schema.json" ? releaseSchema : OcdsSchemaFiles.Read(file));
        var release = await loader.LoadAsync("release-schema.json").ConfigureAwait(false);
        var releasePackage = await loader.LoadAsync("release-package-schema.json").ConfigureAwait(false);
        var recordPackage = await loader.LoadAsync("record-package-schema.json").ConfigureAwait(false);
        return new(release, releasePackage, recordPackage);
    }

    public JsonSchema For(OcdsDocumentKind kind) => kind switch
    {
        OcdsDocumentKind.Release => Release,
        OcdsDocumentKind.ReleasePackage => ReleasePackage,
        OcdsDocumentKind.RecordPackage => RecordPackage,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
