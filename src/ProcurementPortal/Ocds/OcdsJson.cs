using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CompraNet.ProcurementPortal.Ocds;

internal static class OcdsJson
{
    /// <summary>
    /// Parses one JSON value, keeping date strings as strings (Newtonsoft would otherwise turn them into DateTime
    /// and lose the text the RFC 3339 check needs). Throws <see cref="JsonReaderException"/> on malformed input.
    /// </summary>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        var token = JToken.ReadFrom(reader);
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
                throw new JsonReaderException($"Unexpected content after the JSON value, line {reader.LineNumber} position {reader.LinePosition}.");
        }
        return token;
    }
}
