using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CompraNet.ProcurementPortal.Features.Interconnection;
using CompraNet.ProcurementPortal.Ocds;
using CompraNet.ProcurementPortal.Tests.Infrastructure;
using CompraNet.ProcurementPortal.Tests.Ocds;
using Microsoft.Extensions.Time.Testing;

namespace CompraNet.ProcurementPortal.Tests.Features;

/// <summary>
/// Contracts over REST from an award: drawn up, signed by both parties on the exact text, amended within the 20%
/// limit (or with the law's exception, flagged), versions and their differences, every release valid OCDS. Runs on
/// embedded SQLite and on PostgreSQL, as the two subclasses below.
/// </summary>
[Trait("Category", "Integration")]
public abstract class ContractTests : IAsyncLifetime
{
    private const decimal Awarded = 865_000.00m; // s2's offer: 10,000 × 61 + 5,000 × 51
    private static readonly OcdsSchemaValidator Validator = new("ocds-cnmx01");

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private PortalTestHost _host = null!;

    protected abstract bool OnPostgres { get; }

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync(postgres: OnPostgres, new Dictionary<string, string?> { ["CompraNet:Auth:TokenLifetime"] = "60.00:00:00" }, _time);
        await _host.SeedAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Contract_FromAward_SignedByBoth_AmendedUpToTwentyPercent_VersionsAndDiffs_ValidOcds()
    {
        using var officer = await _host.ClientAsync("officerA");
        using var officerB = await _host.ClientAsync("officerB");
        using var s1 = await _host.ClientAsync("s1");
        using var s2 = await _host.ClientAsync("s2");
        using var anonymous = _host.Client();
        var id = await PortalFlow.AwardedProcedureAsync(officer, s1, s2, _time);
        var start = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).AddDays(1);
        var end = start.AddDays(99); // 100 days, both included

        var noDates = await officer.PostAsJsonAsync($"/api/procedures/{id}/contracts", new { });
        var badGuarantee = await officer.PostAsJsonAsync($"/api/procedures/{id}/contracts", new { startDate = start, endDate = end, performanceGuarantee = new { type = "pagaré", amount = Awarded + 1 } });
        var byOtherUnit = await officerB.PostAsJsonAsync($"/api/procedures/{id}/contracts", new { startDate = start, endDate = end });
        var bySupplier = await s2.PostAsJsonAsync($"/api/procedures/{id}/contracts", new { startDate = start, endDate = end });
        var created = await officer.PostAsJsonAsync($"/api/procedures/{id}/contracts", new { startDate = start, endDate = end, advancePaymentGuarantee = new { type = "fianza", amount = 100_000m } });
        var again = await officer.PostAsJsonAsync($"/api/procedures/{id}/contracts", new { startDate = start, endDate = end });

        var noDateErrors = (await PortalFlow.ProblemAsync(noDates, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(noDateErrors.TryGetProperty("startDate", out _) && noDateErrors.TryGetProperty("endDate", out _), noDateErrors.GetRawText());
        var guaranteeErrors = (await PortalFlow.ProblemAsync(badGuarantee, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(guaranteeErrors.TryGetProperty("performanceGuarantee.type", out _) && guaranteeErrors.TryGetProperty("performanceGuarantee.amount", out _), guaranteeErrors.GetRawText());
        await PortalFlow.ProblemAsync(byOtherUnit, HttpStatusCode.Forbidden);
        await PortalFlow.ProblemAsync(bySupplier, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var contract = await created.Content.ReadFromJsonAsync<JsonElement>();
        var contractId = contract.GetProperty("id").GetString()!;
        Assert.Equal($"{id}-C1", contractId);
        Assert.Equal("pending", contract.GetProperty("status").GetString());
        Assert.Equal("s2", contract.GetProperty("supplierId").GetString());
        Assert.Equal(Awarded, contract.GetProperty("terms").GetProperty("value").GetDecimal());
        Assert.Equal([61m, 51m], contract.GetProperty("terms").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("unitPrice").GetDecimal()));
        Assert.Equal([86_500m, 100_000m], contract.GetProperty("guarantees").EnumerateArray().Select(g => g.GetProperty("amount").GetDecimal()));
        Assert.Equal("contract-exists", (await PortalFlow.ProblemAsync(again, HttpStatusCode.Conflict)).GetProperty("code").GetString());

        var sha = contract.GetProperty("current").GetProperty("sha256").GetString()!;
        var amendBeforeSigning = await Amend(officer, contractId, new { reason = "Ampliación de entregas por demanda estacional.", value = 900_000m });
        var byOtherSupplier = await Sign(s1, contractId, sha);
        var byOtherOfficial = await Sign(officerB, contractId, sha);
        var stale = await Sign(officer, contractId, new string('0', 64));
        var notAHash = await Sign(officer, contractId, "abc");
        var officialSigned = await Sign(officer, contractId, sha);
        var twice = await Sign(officer, contractId, sha);
        var supplierSigned = await Sign(s2, contractId, sha);

        Assert.Equal("not-active", (await PortalFlow.ProblemAsync(amendBeforeSigning, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        await PortalFlow.ProblemAsync(byOtherSupplier, HttpStatusCode.Forbidden);
        await PortalFlow.ProblemAsync(byOtherOfficial, HttpStatusCode.Forbidden);
        Assert.Equal("stale-version", (await PortalFlow.ProblemAsync(stale, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.True((await PortalFlow.ProblemAsync(notAHash, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("sha256", out _));
        Assert.Equal("pending", (await officialSigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("already-signed", (await PortalFlow.ProblemAsync(twice, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        var active = await supplierSigned.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("active", active.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, active.GetProperty("dateSigned").ValueKind);
        Assert.Equal(["buyer", "supplier"], active.GetProperty("current").GetProperty("signatures").EnumerateArray().Select(s => s.GetProperty("party").GetString()));
        Assert.All(active.GetProperty("current").GetProperty("signatures").EnumerateArray(), s => Assert.Equal(sha, s.GetProperty("sha256").GetString()));
        var commitment = await _host.Service<IBudgetCommitments>().CommitAsync(contractId, "UC-A", "25301", 1m); // answers the commitment already recorded
        Assert.Equal((Awarded, "25301"), (commitment.Amount, commitment.BudgetKey));

        var overByACent = await Amend(officer, contractId, new { reason = "Ampliación de entregas por demanda estacional.", value = 1_038_000.01m });
        var exactlyTwenty = await Amend(officer, contractId, new { reason = "Ampliación de entregas por demanda estacional.", value = 1_038_000.00m });
        var whilePending = await Amend(officer, contractId, new { reason = "Otra ampliación mientras la anterior no se firma.", endDate = end.AddDays(5) });
        var byOtherOfficialAmend = await Amend(officerB, contractId, new { reason = "Ampliación de entregas por demanda estacional.", value = 900_000m });
        await SignCurrentAsync(s2, anonymous, contractId);
        await SignCurrentAsync(officer, anonymous, contractId);
        var periodOver = await Amend(officer, contractId, new { reason = "Prórroga por retraso en la importación.", endDate = end.AddDays(21) });
        var periodEdge = await Amend(officer, contractId, new { reason = "Prórroga por retraso en la importación.", endDate = end.AddDays(20) });
        await SignCurrentAsync(officer, anonymous, contractId);
        await SignCurrentAsync(s2, anonymous, contractId);
        var shortJustification = await Amend(officer, contractId, new { reason = "Ampliación por brote epidémico.", value = 1_200_000m, exception = true, justification = "Urgente." });
        var withException = await Amend(officer, contractId, new
        {
            reason = "Ampliación por brote epidémico.",
            value = 1_200_000m,
            exception = true,
            justification = "Brote epidémico declarado por la autoridad sanitaria; la demanda supera lo previsto y no hay otro proveedor con registro.",
        });
        await SignCurrentAsync(officer, anonymous, contractId);
        await SignCurrentAsync(s2, anonymous, contractId);
        var final = await anonymous.GetFromJsonAsync<JsonElement>($"/api/contracts/{contractId}");
        var versions = await anonymous.GetFromJsonAsync<JsonElement>($"/api/contracts/{contractId}/versions");
        var valueDiff = await anonymous.GetFromJsonAsync<JsonElement>($"/api/contracts/{contractId}/versions/2/diff");
        var periodDiff = await anonymous.GetFromJsonAsync<JsonElement>($"/api/contracts/{contractId}/versions/3/diff");
        var noPrevious = await anonymous.GetAsync($"/api/contracts/{contractId}/versions/1/diff");
        var record = await anonymous.GetStringAsync($"/api/ocds/records/ocds-cnmx01-{id}");

        Assert.True((await PortalFlow.ProblemAsync(overByACent, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("value", out _));
        Assert.Equal(HttpStatusCode.Created, exactlyTwenty.StatusCode);
        Assert.Equal("amendment-pending", (await PortalFlow.ProblemAsync(whilePending, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        await PortalFlow.ProblemAsync(byOtherOfficialAmend, HttpStatusCode.Forbidden);
        Assert.True((await PortalFlow.ProblemAsync(periodOver, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("endDate", out _));
        Assert.Equal(HttpStatusCode.Created, periodEdge.StatusCode);
        Assert.True((await PortalFlow.ProblemAsync(shortJustification, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("justification", out _));
        Assert.Equal(HttpStatusCode.Created, withException.StatusCode);
        Assert.True(final.GetProperty("exceptionInvoked").GetBoolean());
        Assert.Equal(1_200_000m, final.GetProperty("terms").GetProperty("value").GetDecimal());
        Assert.Equal(end.AddDays(20).ToString("yyyy-MM-dd"), final.GetProperty("terms").GetProperty("endDate").GetString());
        Assert.Equal([1, 2, 3, 4], versions.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.All(versions.EnumerateArray(), v => Assert.True(v.GetProperty("inEffect").GetBoolean()));
        Assert.Equal(4, versions.EnumerateArray().Select(v => v.GetProperty("version").GetProperty("sha256").GetString()).Distinct().Count());
        var change = Assert.Single(valueDiff.GetProperty("changes").EnumerateArray());
        Assert.Equal(("value", "865000.00", "1038000.00"), (change.GetProperty("field").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));
        Assert.Equal(20.00m, valueDiff.GetProperty("amendment").GetProperty("valueIncreasePercent").GetDecimal());
        var periodChange = Assert.Single(periodDiff.GetProperty("changes").EnumerateArray());
        Assert.Equal("period.endDate", periodChange.GetProperty("field").GetString());
        Assert.Equal(20.00m, periodDiff.GetProperty("amendment").GetProperty("periodIncreasePercent").GetDecimal());
        await PortalFlow.ProblemAsync(noPrevious, HttpStatusCode.NotFound);
        var version1 = await anonymous.GetStringAsync($"/documentos/{contractId}-contrato/1");
        Assert.Contains("865000.00 MXN", version1, StringComparison.Ordinal);

        OcdsAssert.Valid(Validator.ValidateRecordPackage(record), "record with the contract");
        var releases = JsonDocument.Parse(record).RootElement.GetProperty("records")[0].GetProperty("releases").EnumerateArray().ToArray();
        Assert.Equal(["award", "contract", "contractUpdate", "contractAmendment", "contractAmendment", "contractAmendment"], releases.Select(r => r.GetProperty("tag")[0].GetString()).Skip(releases.Length - 6));
        foreach (var release in releases)
        {
            var releaseId = release.GetProperty("id").GetString()!;
            OcdsAssert.Valid(Validator.ValidateReleasePackage(await anonymous.GetStringAsync($"/api/ocds/releases/{releaseId}")), releaseId);
        }

        var compiled = JsonDocument.Parse(record).RootElement.GetProperty("records")[0].GetProperty("compiledRelease").GetProperty("contracts")[0];
        Assert.Equal("active", compiled.GetProperty("status").GetString());
        Assert.Equal($"{id}-fallo", compiled.GetProperty("awardID").GetString());
        Assert.Equal(1_200_000m, compiled.GetProperty("value").GetProperty("amount").GetDecimal());
        Assert.Equal(3, compiled.GetProperty("amendments").GetArrayLength());
        var ids = releases.Select(r => r.GetProperty("id").GetString()).ToArray();
        Assert.Equal(ids[^4..^1], compiled.GetProperty("amendments").EnumerateArray().Select(a => a.GetProperty("amendsReleaseID").GetString()));
        Assert.Equal(ids[^3..], compiled.GetProperty("amendments").EnumerateArray().Select(a => a.GetProperty("releaseID").GetString()));
        Assert.Contains("EXCEPCIÓN", compiled.GetProperty("amendments")[2].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("EXCEPCIÓN", compiled.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(compiled.TryGetProperty("dateSigned", out _));
        Assert.Equal([("suretyBond", "fulfillment", 86_500m), ("suretyBond", "prepaid", 100_000m)], compiled.GetProperty("guarantees").EnumerateArray()
            .Select(g => (g.GetProperty("type").GetString(), g.GetProperty("obligations").GetString(), g.GetProperty("value").GetProperty("amount").GetDecimal())));
    }

    [Fact]
    public async Task Amendments_AreCumulative_FifteenThenSixPercentIsRefused()
    {
        using var officer = await _host.ClientAsync("officerA");
        using var s1 = await _host.ClientAsync("s1");
        using var s2 = await _host.ClientAsync("s2");
        using var anonymous = _host.Client();
        var id = await PortalFlow.AwardedProcedureAsync(officer, s1, s2, _time);
        var start = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).AddDays(1);
        var created = await officer.PostAsJsonAsync($"/api/procedures/{id}/contracts", new { startDate = start, endDate = start.AddDays(99) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var contractId = $"{id}-C1";
        await SignCurrentAsync(officer, anonymous, contractId);
        await SignCurrentAsync(s2, anonymous, contractId);

        var fifteen = await Amend(officer, contractId, new { reason = "Ampliación de entregas por demanda estacional.", value = 994_750.00m });
        await SignCurrentAsync(officer, anonymous, contractId);
        await SignCurrentAsync(s2, anonymous, contractId);
        var sixMore = await Amend(officer, contractId, new { reason = "Segunda ampliación de entregas por demanda.", value = 1_046_650.00m });
        var lower = await Amend(officer, contractId, new { reason = "Reducción de cantidades por cambio de necesidades.", value = 800_000.00m });

        Assert.Equal(HttpStatusCode.Created, fifteen.StatusCode);
        var errors = (await PortalFlow.ProblemAsync(sixMore, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("20%", errors.GetProperty("value")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, lower.StatusCode);
    }

    [Fact]
    public async Task AmendedQuantities_MoveTheValueAtContractPrices_AndAnItemBeyondTwentyPercentNeedsTheException()
    {
        using var officer = await _host.ClientAsync("officerA");
        using var s1 = await _host.ClientAsync("s1");
        using var s2 = await _host.ClientAsync("s2");
        using var anonymous = _host.Client();
        var id = await PortalFlow.AwardedProcedureAsync(officer, s1, s2, _time);
        var start = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).AddDays(1);
        var contractId = await PortalFlow.SignedContractAsync(officer, s2, id, new { startDate = start, endDate = start.AddDays(99) });

        var tenPercent = await Amend(officer, contractId, new { reason = "Mil cajas más de paracetamol por la temporada invernal.", items = new[] { new { itemId = "1", quantity = 11_000m } } });
        await SignCurrentAsync(officer, anonymous, contractId);
        await SignCurrentAsync(s2, anonymous, contractId);
        var unknownItem = await Amend(officer, contractId, new { reason = "Partida que el contrato no tiene.", items = new[] { new { itemId = "9", quantity = 1m } } });
        var zero = await Amend(officer, contractId, new { reason = "Cantidad inválida para la amoxicilina.", items = new[] { new { itemId = "2", quantity = 0m } } });
        var beyond = await Amend(officer, contractId, new { reason = "Amoxicilina adicional por brote de infecciones respiratorias.", items = new[] { new { itemId = "2", quantity = 6_100m } } });
        var excepted = await Amend(officer, contractId, new
        {
            reason = "Amoxicilina adicional por brote de infecciones respiratorias.",
            items = new[] { new { itemId = "2", quantity = 6_100m } },
            exception = true,
            justification = "Emergencia epidemiológica declarada por la autoridad sanitaria; no hay tiempo para un nuevo procedimiento.",
        });

        Assert.Equal(HttpStatusCode.Created, tenPercent.StatusCode);
        var amended = await tenPercent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(926_000m, amended.GetProperty("current").GetProperty("terms").GetProperty("value").GetDecimal()); // 865,000 + 1,000 × 61
        Assert.True((await PortalFlow.ProblemAsync(unknownItem, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("items[0].itemId", out _));
        Assert.True((await PortalFlow.ProblemAsync(zero, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("items[0].quantity", out _));
        var over = (await PortalFlow.ProblemAsync(beyond, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("6000", over.GetProperty("items[0].quantity")[0].GetString(), StringComparison.Ordinal);
        Assert.False(over.TryGetProperty("value", out _), over.GetRawText()); // +13.5% in value is within the limit; the item is not
        Assert.Equal(HttpStatusCode.Created, excepted.StatusCode);
        var current = (await excepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current");
        Assert.True(current.GetProperty("amendment").GetProperty("exception").GetBoolean());
        Assert.Equal(982_100m, current.GetProperty("terms").GetProperty("value").GetDecimal());
        var diff = await anonymous.GetFromJsonAsync<JsonElement>($"/api/contracts/{contractId}/versions/3/diff");
        Assert.Equal(["value", "items[2].quantity"], diff.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()));
    }

    private static Task<HttpResponseMessage> Sign(HttpClient client, string contractId, string sha256) =>
        client.PostAsJsonAsync($"/api/contracts/{contractId}/sign", new { sha256 });

    private static Task<HttpResponseMessage> Amend(HttpClient client, string contractId, object body) =>
        client.PostAsJsonAsync($"/api/contracts/{contractId}/amendments", body, PortalTestHost.Json);

    /// <summary>Reads the current version's SHA-256 as the public sees it, then signs it.</summary>
    private static async Task SignCurrentAsync(HttpClient signer, HttpClient reader, string contractId)
    {
        var contract = await reader.GetFromJsonAsync<JsonElement>($"/api/contracts/{contractId}");
        var response = await Sign(signer, contractId, contract.GetProperty("current").GetProperty("sha256").GetString()!);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>Contracts on the embedded default: one process, one SQLite file.</summary>
public sealed class ContractOnSqliteTests : ContractTests
{
    protected override bool OnPostgres => false;
}

/// <summary>Contracts on PostgreSQL.</summary>
public sealed class ContractOnPostgresTests : ContractTests
{
    protected override bool OnPostgres => true;
}
