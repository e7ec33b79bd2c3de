using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CompraNet.AuctionHost.Http;

/// <summary>Times on the wire are ISO-8601 UTC with a <c>Z</c> (PROTOCOL.md); offsets in requests are converted to UTC.</summary>
public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
        {
            throw new JsonException("Expected an ISO-8601 time such as 2026-12-01T17:00:00Z.");
        }

        return value.ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
}
