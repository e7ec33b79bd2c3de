using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CompraNet.AuctionHost.Tests.Auctions;

/// <summary>An HTTP answer read in full: status, headers, media type and the raw body text, parsed on demand.</summary>
public sealed class ApiResponse(HttpStatusCode status, string? mediaType, HttpResponseHeaders headers, string text)
{
    private JsonElement? _json;

    public HttpStatusCode Status { get; } = status;

    public string? MediaType { get; } = mediaType;

    public HttpResponseHeaders Headers { get; } = headers;

    public string Text { get; } = text;

    public JsonElement Json => _json ??= Parse();

    public override string ToString() => $"{(int)Status} {MediaType}: {Text}";

    private JsonElement Parse()
    {
        using var document = JsonDocument.Parse(Text);
        return document.RootElement.Clone();
    }
}
