using CompraNet.ProcurementPortal.Ocds;
using Newtonsoft.Json.Linq;

namespace CompraNet.ProcurementPortal.Tests.Ocds;

public sealed class OcdsExtensionsTests
{
    [Fact]
    public void Declared_EachExtension_IsEmbeddedWithItsMetadataAndPatch()
    {
        Assert.All(OcdsExtensions.Declared, e =>
        {
            Assert.NotNull(JObject.Parse(OcdsSchemaFiles.Read($"extensions/{e.Id}/extension.json"))["name"]);
            Assert.NotEmpty(JObject.Parse(OcdsSchemaFiles.Read($"extensions/{e.Id}/release-schema.json")).Properties());
        });
    }

    [Fact]
    public void Urls_AreRawGitHubExtensionJsonAtACommit()
    {
        Assert.Equal(OcdsExtensions.Declared.Count, OcdsExtensions.Urls.Distinct().Count());
        Assert.All(OcdsExtensions.Urls, u => Assert.Matches("^https://raw\\.githubusercontent\\.com/[^/]+/[^/]+/[0-9a-f]{8,40}/extension\\.json$", u));
    }

    [Fact]
    public void PatchedReleaseSchema_HasEveryExtensionsFields()
    {
        var schema = JObject.Parse(OcdsSchemaSet.PatchedReleaseSchema(OcdsSchemaFiles.Read("release-schema.json"), OcdsExtensions.Declared));

        Assert.NotNull(schema.SelectToken("properties.cycle"));
        Assert.NotNull(schema.SelectToken("properties.bids.properties.details"));
        Assert.NotNull(schema.SelectToken("definitions.Tender.properties.lots"));
        Assert.NotNull(schema.SelectToken("definitions.Tender.properties.techniques"));
        Assert.NotNull(schema.SelectToken("definitions.Tender.properties.submissionTerms"));
        Assert.NotNull(schema.SelectToken("definitions.Tender.properties.participationFees"));
        Assert.NotNull(schema.SelectToken("definitions.Tender.properties.criteria"));
        Assert.NotNull(schema.SelectToken("definitions.Tender.properties.auctions"));
        Assert.NotNull(schema.SelectToken("definitions.Planning.properties.requestsForQuotes"));
        Assert.NotNull(schema.SelectToken("definitions.Bid.properties.participationUrl"));
        Assert.NotNull(schema.SelectToken("definitions.Bid.properties.requirementResponses"));
        Assert.NotNull(schema.SelectToken("definitions.Lot.properties.techniques"));
        Assert.NotNull(schema.SelectToken("definitions.Tender.properties.status"));
    }
}
