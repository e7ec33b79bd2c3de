using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CompraNet.ProcurementPortal.Ocds;

/// <summary>Everything the validator loads once: the core and extended schemas, the codelists and the annotation checkers.</summary>
internal sealed class OcdsSchemaSet
{
    private readonly Dictionary<OcdsDocumentKind, OcdsAnnotationChecker> _annotations;

    private OcdsSchemaSet(OcdsSchemaProfile core, OcdsSchemaProfile extended, OcdsCodelists codelists)
    {
        Core = core;
        Extended = extended;
        _annotations = Enum.GetValues<OcdsDocumentKind>().ToDictionary(k => k, k => OcdsAnnotationChecker.Compile(extended.For(k), codelists));
    }

    /// <summary>The official OCDS 1.1.5 schemas as published.</summary>
    public OcdsSchemaProfile Core { get; }

    /// <summary>The same, with the release schema patched by <see cref="OcdsExtensions.Declared"/>.</summary>
    public OcdsSchemaProfile Extended { get; }

    public OcdsAnnotationChecker AnnotationsFor(OcdsDocumentKind kind) => _annotations[kind];

    public static async Task<OcdsSchemaSet> LoadAsync()
    {
        var coreRelease = OcdsSchemaFiles.Read("release-schema.json");
        var core = await OcdsSchemaProfile.LoadAsync(coreRelease).ConfigureAwait(false);
        var extended = await OcdsSchemaProfile.LoadAsync(PatchedReleaseSchema(coreRelease, OcdsExtensions.Declared)).ConfigureAwait(false);
        return new OcdsSchemaSet(core, extended, OcdsCodelists.Load(OcdsExtensions.Declared));
    }

    /// <summary>The core release schema with each extension's release-schema.json applied as a merge patch, in the given order.</summary>
    public static string PatchedReleaseSchema(string coreReleaseSchema, IEnumerable<OcdsExtension> extensions)
    {
        var schema = OcdsJson.Parse(coreReleaseSchema);
        foreach (var extension in extensions)
            schema = JsonMergePatch.Apply(schema, OcdsJson.Parse(OcdsSchemaFiles.Read($"extensions/{extension.Id}/release-schema.json")));
        return schema.ToString(Formatting.None);
    }
}
