using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CompraNet.Baseline.Http;

/// <summary>Writes times as ISO-8601 UTC with milliseconds and a Z, as the engine does; reads any ISO-8601 offset.</summary>
public sealed class UtcTimeConverter : JsonConverter<DateTimeOffset>
{
    private const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value)
            ? value.ToUniversalTime()
            : throw new JsonException("Expected an ISO-8601 time such as 2026-12-01T17:00:00Z.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(WireFormat, CultureInfo.InvariantCulture));
}
