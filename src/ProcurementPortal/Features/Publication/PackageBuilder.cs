using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace CompraNet.ProcurementPortal.Features.Publication;

/// <summary>Wraps stored releases in OCDS release and record packages with the publisher's metadata and the extensions used.</summary>
public sealed class PackageBuilder(IOptions<PublicationOptions> options, TimeProvider time)
{
    private readonly PublicationOptions _options = options.Value;

    public JsonObject ReleasePackage(string uri, IEnumerable<StoredRelease> releases, string? nextUri)
    {
        var package = Envelope(uri);
        package["releases"] = new JsonArray([.. releases.Select(r => JsonNode.Parse(r.Payload))]);
        if (nextUri is not null)
        {
            package["links"] = new JsonObject { ["next"] = nextUri };
        }

        return package;
    }

    /// <summary>A record package for one ocid: every release embedded, and the compiled release (our releases are complete, so it is the latest one's content).</summary>
    public JsonObject RecordPackage(string uri, string ocid, IReadOnlyList<StoredRelease> releases) =>
        Record(uri, ocid, new JsonArray([.. releases.Select(r => JsonNode.Parse(r.Payload))]), releases[^1].Payload);

    /// <summary>
    /// A record package whose releases are linked (url, date, tag) rather than embedded, with the compiled release: a
    /// long contract's record stays small (every release is complete, so embedding them all grows with the square of
    /// its steps).
    /// </summary>
    public JsonObject LinkedRecordPackage(string uri, string ocid, IReadOnlyList<ReleaseLink> links, string latest) =>
        Record(uri, ocid, new JsonArray([.. links.Select(l => (JsonNode)new JsonObject
        {
            ["url"] = Url($"/api/ocds/releases/{Uri.EscapeDataString(l.ReleaseId)}"),
            ["date"] = ReleaseBuilder.Time(l.Date),
            ["tag"] = new JsonArray([.. l.Tags.Select(t => (JsonNode)t)]),
        })]), latest);

    private JsonObject Record(string uri, string ocid, JsonArray releases, string latest)
    {
        var package = Envelope(uri);
        var compiled = JsonNode.Parse(latest)!.AsObject();
        compiled["id"] = $"{ocid}-compiled";
        compiled["tag"] = new JsonArray("compiled");
        package["records"] = new JsonArray(new JsonObject
        {
            ["ocid"] = ocid,
            ["releases"] = releases,
            ["compiledRelease"] = compiled,
        });
        return package;
    }

    public string Url(string path) => $"{_options.PublicUrl.TrimEnd('/')}{path}";

    private JsonObject Envelope(string uri)
    {
        var publisher = new JsonObject { ["name"] = _options.PublisherName };
        if (_options.PublisherUid is { } uid)
        {
            publisher["uid"] = uid;
        }

        return new JsonObject
        {
            ["uri"] = uri,
            ["version"] = "1.1",
            ["extensions"] = new JsonArray([.. Ocds.OcdsExtensions.Urls.Select(u => (JsonNode)u)]),
            ["publishedDate"] = ReleaseBuilder.Time(time.GetUtcNow()),
            ["publisher"] = publisher,
            ["license"] = _options.License,
            ["publicationPolicy"] = Url(_options.PublicationPolicy),
        };
    }
}
