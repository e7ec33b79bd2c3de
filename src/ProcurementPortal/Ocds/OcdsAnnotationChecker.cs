using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace CompraNet.ProcurementPortal.Ocds;

/// <summary>
/// The checks JSON Schema cannot make, driven by the schema's own annotations so that every field is covered:
/// values of fields marked <c>"codelist"</c> must be codes of that codelist (an error when <c>"openCodelist": false</c>,
/// a warning when it is open), and fields with <c>"format": "date-time"</c> must be RFC 3339 date-times.
/// The schema is compiled once into a tree that the document is then walked along.
/// </summary>
internal sealed class OcdsAnnotationChecker
{
    private readonly Node _root;

    private OcdsAnnotationChecker(Node root) => _root = root;

    public static OcdsAnnotationChecker Compile(JsonSchema schema, OcdsCodelists codelists) =>
        new(new Compiler(codelists).Compile(schema));

    public void Check(JToken document, OcdsFindings findings) => Walk(_root, document, findings);

    private static void Walk(Node node, JToken token, OcdsFindings findings)
    {
        CheckValue(node, token, findings);
        if (node.Reference is { } reference) Walk(reference, token, findings);
        // oneOf/anyOf/allOf: the alternatives OCDS uses (a record's linked or embedded releases) annotate their common
        // fields alike, so walking each is safe and reports nothing twice (findings are deduplicated).
        foreach (var alternative in node.Alternatives) Walk(alternative, token, findings);
        if (token is JObject obj)
        {
            foreach (var property in obj.Properties())
            {
                if (node.Properties.TryGetValue(property.Name, out var child)) Walk(child, property.Value, findings);
            }
        }
        else if (token is JArray array && node.Items is { } items)
        {
            foreach (var item in array) Walk(items, item, findings);
        }
    }

    private static void CheckValue(Node node, JToken token, OcdsFindings findings)
    {
        if (node.IsDateTime && token.Type == JTokenType.String && !Rfc3339.IsDateTime(token.ToString()))
            findings.Error(OcdsPath.Of(token), $"{Show(token)} is not an RFC 3339 date-time such as 2025-03-01T10:00:00-06:00");
        if (node.Codes is not { } codes) return;
        var values = token is JArray array ? array.Where(v => v.Type == JTokenType.String) : token.Type == JTokenType.String ? [token] : [];
        foreach (var value in values)
        {
            if (codes.Contains(value.ToString())) continue;
            if (node.OpenCodelist) findings.Warning(OcdsPath.Of(value), $"{Show(value)} is not in the open codelist {node.Codelist}");
            else findings.Error(OcdsPath.Of(value), $"{Show(value)} is not a code of the closed codelist {node.Codelist}");
        }
    }

    private static string Show(JToken value) => value.ToString(Formatting.None);

    private sealed class Node
    {
        public string? Codelist { get; set; }
        public IReadOnlySet<string>? Codes { get; set; }
        public bool OpenCodelist { get; set; }
        public bool IsDateTime { get; set; }
        public Node? Reference { get; set; }
        public Node? Items { get; set; }
        public Dictionary<string, Node> Properties { get; } = new(StringComparer.Ordinal);
        public List<Node> Alternatives { get; } = [];
    }

    private sealed class Compiler(OcdsCodelists codelists)
    {
        // Keyed by schema object: a definition used in many places is compiled once, and recursion terminates.
        private readonly Dictionary<JsonSchema, Node> _compiled = new(ReferenceEqualityComparer.Instance);

        public Node Compile(JsonSchema schema)
        {
            if (_compiled.TryGetValue(schema, out var node)) return node;
            node = new Node { IsDateTime = schema.Format == "date-time" };
            _compiled[schema] = node;
            var annotations = schema.ExtensionData;
            if (annotations is not null && annotations.TryGetValue("codelist", out var value) && value is string codelist)
            {
                node.Codelist = codelist;
                node.Codes = codelists.Find(codelist) ?? throw new InvalidOperationException($"The schema names the codelist {codelist}, which is not embedded.");
                // Without "openCodelist": false a codelist is treated as open: unknown codes warn rather than fail.
                node.OpenCodelist = !annotations.TryGetValue("openCodelist", out var open) || open is not false;
            }
            if (schema.Reference is { } reference) node.Reference = Compile(reference);
            foreach (var (name, property) in schema.Properties) node.Properties[name] = Compile(property);
            if (schema.Item is { } items) node.Items = Compile(items);
            foreach (var alternative in schema.OneOf.Concat(schema.AnyOf).Concat(schema.AllOf)) node.Alternatives.Add(Compile(alternative));
            return node;
        }
    }
}
