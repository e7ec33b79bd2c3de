using System.Diagnostics;
using System.Text.Json.Nodes;
using CompraNet.ProcurementPortal.Ocds;
using Xunit.Abstractions;
using static CompraNet.ProcurementPortal.Tests.Ocds.OcdsTestData;

namespace CompraNet.ProcurementPortal.Tests.Ocds;

public sealed class OcdsSchemaValidatorTests(ITestOutputHelper output)
{
    private static readonly OcdsSchemaValidator Fictional = new("ocds-213czf");
    private static readonly OcdsSchemaValidator CompraNet = new("ocds-cnmx01");

    private static readonly Dictionary<string, Action<JsonNode>> FictionalBreakages = new()
    {
        ["missing ocid"] = d => d.At("releases", 0).AsObject().Remove("ocid"),
        ["tag foo"] = d => d.At("releases", 0)["tag"] = new JsonArray("foo"),
        ["date yesterday"] = d => d.At("releases", 0)["date"] = "yesterday",
        ["date without offset"] = d => d.At("releases", 0)["date"] = "2010-03-15T09:30:00",
        ["bad tender status"] = d => d.At("releases", 1, "tender")["status"] = "open",
        ["amount as string"] = d => d.At("releases", 1, "tender", "value")["amount"] = "120000",
        ["unknown currency"] = d => d.At("releases", 1, "tender", "value")["currency"] = "PESOS",
        ["lot with wrong type"] = d => d.At("releases", 1, "tender")["lots"] = new JsonArray(new JsonObject { ["id"] = "lot-1", ["tenderPeriod"] = "next week" }),
        ["repeated release id"] = d => d.At("releases", 1)["id"] = d.At("releases", 0, "id").GetValue<string>(),
    };

    private static readonly Dictionary<string, Action<JsonNode>> CompraNetBreakages = new()
    {
        ["bid status won"] = d => d.At("releases", 1, "bids", "details", 0)["status"] = "won",
        ["lot status"] = d => d.At("releases", 1, "tender", "lots", 1)["status"] = "awarded",
        ["cycle as string"] = d => d.At("releases", 1)["cycle"] = "2025",
        ["auction step as string"] = d => d.At("releases", 1, "tender", "auctions", 0, "minimalStep")["amount"] = "5000",
        ["quote without id"] = d => d.At("releases", 0, "planning", "requestsForQuotes", 0, "quotes", 1).AsObject().Remove("id"),
        ["framework method"] = d => d.At("releases", 1, "tender", "techniques")["frameworkAgreement"] = new JsonObject { ["method"] = "miniCompetition" },
        ["submission policy"] = d => d.At("releases", 1, "tender", "submissionTerms")["electronicSubmissionPolicy"] = "preferred",
        ["fee type"] = d => d.At("releases", 1, "tender", "participationFees", 0)["type"] = new JsonArray("bases"),
        ["requirement data type"] = d => d.At("releases", 1, "tender", "criteria", 0, "requirementGroups", 0, "requirements", 0)["dataType"] = "yesNo",
        ["ocid of another publisher"] = d => d.At("releases", 0)["ocid"] = "ocds-213czf-000-00001",
        ["ocid without identifier"] = d => d.At("releases", 0)["ocid"] = "ocds-cnmx01-",
    };

    [Fact]
    public void ValidateReleasePackage_OfficialFictionalExample_IsValid()
    {
        var result = Fictional.ValidateReleasePackage(Read(FictionalPackage));

        Report(result);
        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void ValidateRelease_RealApfRelease_IsValid()
    {
        var result = new OcdsSchemaValidator("ocds-07smqs").ValidateRelease(Read(ApfRelease));

        Report(result);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void ValidateRecordPackage_RealJaliscoRecordPackage_IsValid()
    {
        var result = new OcdsSchemaValidator("ocds-xs1qbl").ValidateRecordPackage(Read(JaliscoRecordPackage));

        Report(result);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void ValidateRecordPackage_FictionalReleasesEmbedded_IsValid()
    {
        var result = Fictional.ValidateRecordPackage(FictionalRecordPackage());

        Report(result);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData(FrameworkFirstStage)]
    [InlineData(FrameworkSecondStage)]
    public void ValidateReleasePackage_OcdsFrameworkExamples_AreValid(string file)
    {
        var result = new OcdsSchemaValidator("ocds-70d2nz").ValidateReleasePackage(Read(file));

        Report(result);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void ValidateReleasePackage_ExtensionNotDeclaredByThePortal_IsAWarning()
    {
        var result = new OcdsSchemaValidator("ocds-70d2nz").ValidateReleasePackage(Read(FrameworkSecondStage));

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("$.extensions[0]", warning.Path);
        Assert.Contains("ocds_competitive_extension", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateReleasePackage_CompraNetPackageUsingEveryDeclaredExtension_HasNoIssues()
    {
        var json = Read(CompraNetPackage);

        var result = CompraNet.ValidateReleasePackage(json);

        Report(result);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.Equal<string?>(OcdsExtensions.Urls, Parse(json).At("extensions").AsArray().Select(u => u?.GetValue<string>()));
    }

    [Theory]
    [InlineData("missing ocid", "$.releases[0].ocid", "required")]
    [InlineData("tag foo", "$.releases[0].tag[0]", "closed codelist releaseTag.csv")]
    [InlineData("date yesterday", "$.releases[0].date", "RFC 3339")]
    [InlineData("date without offset", "$.releases[0].date", "RFC 3339")]
    [InlineData("bad tender status", "$.releases[1].tender.status", "closed codelist tenderStatus.csv")]
    [InlineData("amount as string", "$.releases[1].tender.value.amount", "expected number or null")]
    [InlineData("unknown currency", "$.releases[1].tender.value.currency", "closed codelist currency.csv")]
    [InlineData("lot with wrong type", "$.releases[1].tender.lots[0].tenderPeriod", "expected object")]
    [InlineData("repeated release id", "$.releases[1].id", "already used at $.releases[0].id")]
    public void ValidateReleasePackage_BrokenFictionalExample_ReportsThePath(string breakage, string path, string message)
    {
        var json = Change(Read(FictionalPackage), FictionalBreakages[breakage]);

        var result = Fictional.ValidateReleasePackage(json);

        Report(result);
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bid status won", "$.releases[1].bids.details[0].status", "closed codelist bidStatus.csv")]
    [InlineData("lot status", "$.releases[1].tender.lots[1].status", "closed codelist tenderStatus.csv")]
    [InlineData("cycle as string", "$.releases[1].cycle", "expected integer or null")]
    [InlineData("auction step as string", "$.releases[1].tender.auctions[0].minimalStep.amount", "expected number or null")]
    [InlineData("quote without id", "$.releases[0].planning.requestsForQuotes[0].quotes[1].id", "required")]
    [InlineData("framework method", "$.releases[1].tender.techniques.frameworkAgreement.method", "closed codelist frameworkAgreementMethod.csv")]
    [InlineData("submission policy", "$.releases[1].tender.submissionTerms.electronicSubmissionPolicy", "closed codelist permission.csv")]
    [InlineData("fee type", "$.releases[1].tender.participationFees[0].type[0]", "closed codelist participationFeeType.csv")]
    [InlineData("requirement data type", "$.releases[1].tender.criteria[0].requirementGroups[0].requirements[0].dataType", "closed codelist dataType.csv")]
    [InlineData("ocid of another publisher", "$.releases[0].ocid", "prefix ocds-cnmx01")]
    [InlineData("ocid without identifier", "$.releases[0].ocid", "prefix ocds-cnmx01")]
    public void ValidateReleasePackage_BrokenExtensionField_ReportsThePath(string breakage, string path, string message)
    {
        var json = Change(Read(CompraNetPackage), CompraNetBreakages[breakage]);

        var result = CompraNet.ValidateReleasePackage(json);

        Report(result);
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateRelease_BrokenApfRelease_ReportsEachPath()
    {
        var json = Change(Read(ApfRelease), d =>
        {
            d.AsObject().Remove("ocid");
            d.At("tender")["status"] = "vigente";
            d["date"] = "ayer";
        });

        var result = new OcdsSchemaValidator("ocds-07smqs").ValidateRelease(json);

        Report(result);
        Assert.Equal(["$.date", "$.ocid", "$.tender.status"], result.Errors.Select(e => e.Path).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ValidateRecordPackage_BrokenEmbeddedRelease_ReportsThePathInsideTheRecord()
    {
        var json = Change(FictionalRecordPackage(), d =>
        {
            d.At("records", 0, "releases", 1, "tender", "value")["amount"] = "120000";
            d.At("records", 0, "compiledRelease", "contracts", 0)["status"] = "signed";
        });

        var result = Fictional.ValidateRecordPackage(json);

        Report(result);
        Assert.Contains(result.Errors, e => e.Path == "$.records[0].releases[1].tender.value.amount");
        Assert.Contains(result.Errors, e => e.Path == "$.records[0].compiledRelease.contracts[0].status");
    }

    [Fact]
    public void ValidateRecordPackage_BrokenLinkedRelease_ReportsThePath()
    {
        var json = Change(Read(JaliscoRecordPackage), d =>
        {
            d.At("records", 0, "releases", 0)["tag"] = new JsonArray("foo");
            d.At("records", 0, "releases", 1)["date"] = "2017-02-30T10:00:00Z";
        });

        var result = new OcdsSchemaValidator("ocds-xs1qbl").ValidateRecordPackage(json);

        Report(result);
        Assert.Contains(result.Errors, e => e.Path == "$.records[0].releases[0].tag[0]" && e.Message.Contains("releaseTag.csv", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Path == "$.records[0].releases[1].date" && e.Message.Contains("RFC 3339", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateRecordPackage_EmbeddedReleaseOfAnotherProcess_IsAnError()
    {
        var json = Change(FictionalRecordPackage(), d => d.At("records", 0, "releases", 2)["ocid"] = "ocds-213czf-000-00002");

        var result = Fictional.ValidateRecordPackage(json);

        Assert.Contains(result.Errors, e => e.Path == "$.records[0].releases[2].ocid" && e.Message.Contains("record's ocid", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateReleasePackage_UnknownCodesOfOpenCodelists_AreOnlyWarnings()
    {
        var json = Change(Read(CompraNetPackage), d =>
        {
            d.At("releases", 1, "tender")["documents"] = new JsonArray(new JsonObject { ["id"] = "doc-1", ["documentType"] = "oficioDeJustificacion" });
            d.At("releases", 1, "parties", 0, "roles").AsArray().Add("organoInternoDeControl");
            d.At("releases", 1, "bids", "statistics", 0)["measure"] = "averageBidDiscount";
        });

        var result = CompraNet.ValidateReleasePackage(json);

        Report(result);
        Assert.True(result.IsValid);
        Assert.Equal(
            ["$.releases[1].bids.statistics[0].measure", "$.releases[1].parties[0].roles[2]", "$.releases[1].tender.documents[0].documentType"],
            result.Warnings.Select(w => w.Path).Order(StringComparer.Ordinal));
        Assert.All(result.Warnings, w => Assert.Contains("open codelist", w.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateReleasePackage_RoleAddedByAnExtensionCodelist_IsKnown()
    {
        var json = Change(Read(CompraNetPackage), d => d.At("releases", 1, "parties", 1)["roles"] = new JsonArray("invitedSupplier", "issuingSupplier"));

        var result = CompraNet.ValidateReleasePackage(json);

        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void ValidateReleasePackage_OfficialExampleWithOtherPrefix_FailsTheOcidCheckOnly()
    {
        var result = CompraNet.ValidateReleasePackage(Read(FictionalPackage));

        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"$.releases[{i}].ocid"), result.Errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData("{\"ocid\": ")]
    [InlineData("{} {}")]
    [InlineData("")]
    public void ValidateRelease_NotJson_ReportsTheRoot(string json)
    {
        var result = CompraNet.ValidateRelease(json);

        var error = Assert.Single(result.Errors);
        Assert.Equal("$", error.Path);
        Assert.StartsWith("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateReleasePackage_ManyThreadsAtOnce_AgreeWithOneThread()
    {
        var json = Change(Read(FictionalPackage), FictionalBreakages["bad tender status"] + FictionalBreakages["date yesterday"]);
        var expected = Fictional.ValidateReleasePackage(json);

        var results = new OcdsValidationResult[32];
        Parallel.For(0, results.Length, i => results[i] = new OcdsSchemaValidator("ocds-213czf").ValidateReleasePackage(json));

        Assert.NotEmpty(expected.Errors);
        Assert.All(results, r => Assert.Equal(expected.Errors, r.Errors));
    }

    [Fact]
    public void ValidateReleasePackage_FictionalExample_TakesMillisecondsOnceLoaded()
    {
        var json = Read(FictionalPackage);
        var load = Stopwatch.StartNew();
        Fictional.ValidateReleasePackage(json);
        load.Stop();

        var timings = Enumerable.Range(0, 20).Select(_ =>
        {
            var run = Stopwatch.StartNew();
            Fictional.ValidateReleasePackage(json);
            return run.Elapsed.TotalMilliseconds;
        }).Order().ToList();

        var median = timings[timings.Count / 2];
        output.WriteLine($"first call (may include loading): {load.Elapsed.TotalMilliseconds:F1} ms; median of 20: {median:F1} ms; max {timings[^1]:F1} ms");
        Assert.True(median < 500, $"median {median:F1} ms");
    }

    private void Report(OcdsValidationResult result)
    {
        foreach (var error in result.Errors) output.WriteLine($"error   {error}");
        foreach (var warning in result.Warnings) output.WriteLine($"warning {warning}");
    }
}
