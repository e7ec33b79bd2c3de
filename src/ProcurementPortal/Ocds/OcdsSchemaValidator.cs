using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CompraNet.ProcurementPortal.Ocds;

/// <summary>
/// Validates the OCDS 1.1.5 documents the portal publishes: against the official schemas, against the release schema
/// patched with <see cref="OcdsExtensions.Declared"/>, against the codelists (closed ones strictly, open ones as
/// warnings), and for the portal's ocid prefix, unique release ids and RFC 3339 dates. The schemas are embedded in the
/// assembly and loaded once per process on first use; an instance holds no per-call state, so one can serve every thread.
/// </summary>
public sealed class OcdsSchemaValidator
{
    // Loading has no I/O (the schemas are embedded), so blocking on it is safe; Task.Run keeps it off any caller's
    // synchronization context.
    private static readonly Lazy<OcdsSchemaSet> Schemas = new(() => Task.Run(OcdsSchemaSet.LoadAsync).GetAwaiter().GetResult());

    private readonly string _ocidPrefix;

    /// <param name="ocidPrefix">The publisher's registered ocid prefix, e.g. <c>ocds-cnmx01</c>; every ocid must be this, a hyphen, and an identifier.</param>
    public OcdsSchemaValidator(string ocidPrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ocidPrefix);
        _ocidPrefix = ocidPrefix.TrimEnd('-');
    }

    public string OcidPrefix => _ocidPrefix;

    public OcdsValidationResult ValidateRelease(string json) => Validate(json, OcdsDocumentKind.Release);

    public OcdsValidationResult ValidateReleasePackage(string json) => Validate(json, OcdsDocumentKind.ReleasePackage);

    public OcdsValidationResult ValidateRecordPackage(string json) => Validate(json, OcdsDocumentKind.RecordPackage);

    private OcdsValidationResult Validate(string json, OcdsDocumentKind kind)
    {
        ArgumentNullException.ThrowIfNull(json);
        var schemas = Schemas.Value;
        var findings = new OcdsFindings();
        JToken document;
        try
        {
            document = OcdsJson.Parse(json);
        }
        catch (JsonReaderException e)
        {
            findings.Error("$", $"not valid JSON: {e.Message}");
            return findings.ToResult();
        }

        SchemaErrorMessages.AddTo(findings, schemas.Core.For(kind).Validate(document));
        SchemaErrorMessages.AddTo(findings, schemas.Extended.For(kind).Validate(document));
        schemas.AnnotationsFor(kind).Check(document, findings);
        if (document is JObject root) CheckIdentifiers(kind, root, findings);
        return findings.ToResult();
    }

    private void CheckIdentifiers(OcdsDocumentKind kind, JObject root, OcdsFindings findings)
    {
        switch (kind)
        {
            case OcdsDocumentKind.Release:
                CheckOcid(root["ocid"], findings);
                break;
            case OcdsDocumentKind.ReleasePackage:
                var releases = Objects(root["releases"]).ToList();
                foreach (var release in releases) CheckOcid(release["ocid"], findings);
                CheckUniqueIds(releases, findings);
                CheckDeclaredExtensions(root, findings);
                break;
            case OcdsDocumentKind.RecordPackage:
                foreach (var record in Objects(root["records"])) CheckRecord(record, findings);
                CheckDeclaredExtensions(root, findings);
                break;
        }
    }

    private void CheckRecord(JObject record, OcdsFindings findings)
    {
        CheckOcid(record["ocid"], findings);
        var ocid = record["ocid"]?.Type == JTokenType.String ? record["ocid"]!.ToString() : null;
        // Linked releases ({url, date, tag}) carry no ocid; embedded ones and the compiled release must repeat the record's.
        var embedded = Objects(record["releases"]).Where(r => r.ContainsKey("ocid")).ToList();
        if (record["compiledRelease"] is JObject compiled) embedded.Add(compiled);
        foreach (var release in embedded)
        {
            var releaseOcid = release["ocid"];
            CheckOcid(releaseOcid, findings);
            if (ocid is not null && releaseOcid?.Type == JTokenType.String && releaseOcid.ToString() != ocid)
                findings.Error(OcdsPath.Of(releaseOcid), $"ocid \"{releaseOcid}\" differs from its record's ocid \"{ocid}\"");
        }
        CheckUniqueIds(Objects(record["releases"]), findings);
    }

    private void CheckOcid(JToken? ocid, OcdsFindings findings)
    {
        if (ocid?.Type != JTokenType.String) return; // missing or not a string: the schema reports it
        var value = ocid.ToString();
        if (!value.StartsWith(_ocidPrefix + "-", StringComparison.Ordinal) || value.Length == _ocidPrefix.Length + 1)
            findings.Error(OcdsPath.Of(ocid), $"ocid \"{value}\" is not the prefix {_ocidPrefix}, a hyphen and the process identifier");
    }

    /// <summary>A release id identifies a release within its contracting process (ocid), so (ocid, id) must not repeat.</summary>
    private static void CheckUniqueIds(IEnumerable<JObject> releases, OcdsFindings findings)
    {
        var seen = new Dictionary<(string Ocid, string Id), JToken>();
        foreach (var release in releases)
        {
            if (release["id"] is not { Type: JTokenType.String or JTokenType.Integer } id) continue;
            var key = (release["ocid"]?.ToString() ?? "", id.ToString());
            if (seen.TryGetValue(key, out var first))
                findings.Error(OcdsPath.Of(id), $"release id \"{id}\" of {key.Item1} is already used at {OcdsPath.Of(first)}");
            else seen[key] = id;
        }
    }

    /// <summary>Extensions other than the declared ones are not patched in, so their fields are checked only as additional properties.</summary>
    private static void CheckDeclaredExtensions(JObject package, OcdsFindings findings)
    {
        foreach (var url in (package["extensions"] as JArray ?? []).Where(u => u.Type == JTokenType.String))
        {
            if (!OcdsExtensions.Declared.Any(e => url.ToString().Contains($"/{e.Repository}/", StringComparison.OrdinalIgnoreCase)))
                findings.Warning(OcdsPath.Of(url), $"extension {url} is not one the validator applies; its fields were not checked");
        }
    }

    private static IEnumerable<JObject> Objects(JToken? array) => (array as JArray ?? []).OfType<JObject>();
}
