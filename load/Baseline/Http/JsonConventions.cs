using System.Text.Json;
using System.Text.Json.Serialization;

namespace CompraNet.Baseline.Http;

/// <summary>
/// The engine's JSON conventions (PROTOCOL.md), for REST and the SignalR JSON protocol alike: camelCase members,
/// kebab-case enum names, decimals as numbers, UTC times with Z, null members left out.
/// </summary>
public static class JsonConventions
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcTimeConverter());
    }
}
