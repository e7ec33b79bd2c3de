using System.Text.Json.Nodes;

namespace CompraNet.ProcurementPortal.Tests.Ocds;

/// <summary>The OCDS documents under Ocds/Data and small helpers to break copies of them.</summary>
internal static class OcdsTestData
{
    public const string FictionalPackage = "ocds-213czf-000-00001-release-package.json";
    public const string ApfRelease = "mx-apf-compranet-release-ocds-07smqs-1457.json";
    public const string JaliscoRecordPackage = "mx-jalisco-record-package-ocds-xs1qbl-15-0010-00-2017.json";
    public const string FrameworkFirstStage = "open_multiple_first_stage.json";
    public const string FrameworkSecondStage = "open_multiple_second_stage.json";
    public const string CompraNetPackage = "ocds-cnmx01-compranet-release-package.json";

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Ocds", "Data", name));

    public static JsonNode Parse(string json) => JsonNode.Parse(json) ?? throw new InvalidDataException("The test document is JSON null.");

    public static string Change(string json, Action<JsonNode> change)
    {
        var document = Parse(json);
        change(document);
        return document.ToJsonString();
    }

    /// <summary>The node at a path of property names and array indexes; throws when the test data lacks it.</summary>
    public static JsonNode At(this JsonNode node, params object[] path)
    {
        foreach (var step in path)
        {
            node = (step is int index ? node[index] : node[(string)step])
                ?? throw new KeyNotFoundException($"The test document has no {step} at {node.GetPath()}.");
        }
        return node;
    }

    /// <summary>A record package with the fictional package's releases embedded and the last one as compiled release.</summary>
    public static string FictionalRecordPackage()
    {
        var releases = Parse(Read(FictionalPackage)).At("releases").AsArray();
        var compiled = releases[^1]?.DeepClone() ?? throw new InvalidDataException("The fictional package has a null release.");
        compiled["id"] = "ocds-213czf-000-00001-compiled";
        compiled["tag"] = new JsonArray("compiled");
        var record = new JsonObject
        {
            ["ocid"] = "ocds-213czf-000-00001",
            ["releases"] = releases.DeepClone(),
            ["compiledRelease"] = compiled,
        };
        return new JsonObject
        {
            ["uri"] = "https://example.org/ocds/records/ocds-213czf-000-00001.json",
            ["version"] = "1.1",
            ["publishedDate"] = "2010-05-10T10:30:00Z",
            ["publisher"] = new JsonObject { ["name"] = "CompraNet tests" },
            ["packages"] = new JsonArray("https://example.org/ocds/releases/ocds-213czf-000-00001.json"),
            ["records"] = new JsonArray(record),
        }.ToJsonString();
    }
}
