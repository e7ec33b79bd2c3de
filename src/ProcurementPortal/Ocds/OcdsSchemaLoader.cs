using NJsonSchema;
using NJsonSchema.References;

namespace CompraNet.ProcurementPortal.Ocds;

/// <summary>
/// Loads OCDS schema documents by their canonical URLs (<c>https://standard.open-contracting.org/schema/1__1__5/…</c>)
/// from text it is given, never from the network, and resolves the schemas' absolute <c>$ref</c>s the same way.
/// Each document is loaded once per loader, so the package schemas share one release schema.
/// </summary>
internal sealed class OcdsSchemaLoader(Func<string, string> readDocument)
{
    public const string BaseUrl = "https://standard.open-contracting.org/schema/1__1__5/";

    private readonly Dictionary<string, JsonSchema> _loaded = new(StringComparer.Ordinal);

    public Task<JsonSchema> LoadAsync(string fileName) => LoadUrlAsync(BaseUrl + fileName);

    private async Task<JsonSchema> LoadUrlAsync(string url)
    {
        if (_loaded.TryGetValue(url, out var loaded)) return loaded;
        if (!url.StartsWith(BaseUrl, StringComparison.Ordinal) || url.IndexOf('/', BaseUrl.Length) >= 0)
            throw new InvalidOperationException($"The OCDS schemas refer to {url}, which is not one of the embedded 1.1.5 schema files.");
        var schema = await JsonSchema.FromJsonAsync(readDocument(url[BaseUrl.Length..]), url, root => new Resolver(root, this)).ConfigureAwait(false);
        _loaded[url] = schema;
        return schema;
    }

    private sealed class Resolver(JsonSchema root, OcdsSchemaLoader loader)
        : JsonReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
        public override async Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            await loader.LoadUrlAsync(url).ConfigureAwait(false);

        public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException($"The OCDS schemas refer to the file {filePath}; only the embedded schemas are used.");
    }
}
