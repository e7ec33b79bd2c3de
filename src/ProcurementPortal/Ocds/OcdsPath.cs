using Newtonsoft.Json.Linq;

namespace CompraNet.ProcurementPortal.Ocds;

/// <summary>Issue paths as JSONPath from the document root: <c>$</c>, <c>$.releases[0].tender.status</c>.</summary>
internal static class OcdsPath
{
    public static string Of(JToken token) => FromRelative(token.Path);

    /// <summary>From NJsonSchema's <c>#/releases[0].ocid</c> form.</summary>
    public static string FromSchemaPath(string? path) => FromRelative(path is null ? "" : path.TrimStart('#').TrimStart('/'));

    private static string FromRelative(string path) => path.Length == 0 ? "$" : path[0] == '[' ? "$" + path : "$." + path;
}
