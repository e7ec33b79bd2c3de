using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CompraNet.ProcurementPortal.Ocds;
using CompraNet.ProcurementPortal.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CompraNet.ProcurementPortal.Tests.Features;

/// <summary>
/// The cycle so far (plan, draft, edit, publish, questions and answers, cancel) and the OCDS API over it: release
/// packages (paged and by date), single releases, record packages and the bulk file, each valid against the official
/// schema with the declared extensions and codelists. Runs on embedded SQLite and on PostgreSQL (portal as an
/// Orleans client of an auction host), as the two subclasses below.
/// </summary>
[Trait("Category", "Integration")]
public abstract class PortalCycleTests : IAsyncLifetime
{
    private static readonly OcdsSchemaValidator Validator = new("ocds-cnmx01");

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private PortalTestHost _host = null!;

    protected abstract bool OnPostgres { get; }

    public async Task InitializeAsync()
    {
        // Tokens outlive the jumps of the fake clock (whichever clock validates them).
        _host = await PortalTestHost.StartAsync(postgres: OnPostgres, new Dictionary<string, string?> { ["CompraNet:Auth:TokenLifetime"] = "60.00:00:00" }, _time);
        await _host.SeedAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task EveryReleaseAndRecord_IsValidOcds_AndPagesFollowLinks()
    {
        using var officer = await _host.ClientAsync("officerA");
        using var supplier = await _host.ClientAsync("s1");
        using var anonymous = _host.Client();
        var planId = await PortalFlow.PublishedPlanAsync(officer, 3_000_000m, 1_000_000m);
        var open = (await PortalFlow.CreateProcedureAsync(officer, PortalFlow.ProcedureBody(planId))).GetProperty("procedure").GetProperty("id").GetString()!;
        var edited = await officer.PutAsJsonAsync($"/api/procedures/{open}", PortalFlow.ProcedureBody(planId, amount: 1_200_000m), PortalTestHost.Json);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/procedures/{open}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await supplier.PostAsJsonAsync($"/api/procedures/{open}/questions", new { question = "¿Se aceptan entregas parciales?" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/procedures/{open}/questions/1/answer", new { answer = "Sí, mensuales." })).StatusCode);
        var restricted = (await PortalFlow.CreateProcedureAsync(officer, PortalFlow.ProcedureBody(planId, line: 2, type: "restricted", amount: 900_000m, invited: ["s1", "s2", "s3"], auction: false)))
            .GetProperty("procedure").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/procedures/{restricted}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/procedures/{restricted}/cancel", new { reason = "Se consolidará con la compra del siguiente trimestre." })).StatusCode);

        var pages = new List<JsonElement>();
        var next = "/api/ocds/releases?limit=2";
        while (next is not null)
        {
            var text = await anonymous.GetStringAsync(next);
            AssertValid(Validator.ValidateReleasePackage(text), next);
            var page = JsonDocument.Parse(text).RootElement;
            pages.Add(page);
            next = page.TryGetProperty("links", out var links) ? new Uri(links.GetProperty("next").GetString()!).PathAndQuery : null;
        }

        var releases = pages.SelectMany(p => p.GetProperty("releases").EnumerateArray()).ToArray();
        var tags = releases.Select(r => $"{r.GetProperty("tender").GetProperty("id").GetString()}:{r.GetProperty("tag")[0].GetString()}").ToArray();
        Assert.Equal([$"{open}:planning", $"{open}:planningUpdate", $"{open}:tender", $"{open}:tenderUpdate", $"{restricted}:planning", $"{restricted}:tender", $"{restricted}:tenderUpdate"], tags);
        Assert.Equal(releases.Length, releases.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
        foreach (var ocid in new[] { $"ocds-cnmx01-{open}", $"ocds-cnmx01-{restricted}" })
        {
            var record = await anonymous.GetStringAsync($"/api/ocds/records/{ocid}");
            AssertValid(Validator.ValidateRecordPackage(record), ocid);
        }

        var single = await anonymous.GetStringAsync($"/api/ocds/releases/{releases[2].GetProperty("id").GetString()}");
        AssertValid(Validator.ValidateReleasePackage(single), "single release");
        var bulk = (await anonymous.GetStringAsync("/api/ocds/bulk")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(releases.Length, bulk.Length);
        Assert.All(bulk, line => AssertValid(Validator.ValidateRelease(line), "bulk line"));
        var cancelled = JsonDocument.Parse(bulk[^1]).RootElement.GetProperty("tender");
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal("limited", cancelled.GetProperty("procurementMethod").GetString());
    }

    [Fact]
    public async Task ReleasesApi_FiltersByDate_AndRefusesBadQueries()
    {
        using var officer = await _host.ClientAsync("officerA");
        using var anonymous = _host.Client();
        var planId = await PortalFlow.PublishedPlanAsync(officer, 3_000_000m);
        await PortalFlow.CreateProcedureAsync(officer, PortalFlow.ProcedureBody(planId));

        var future = await anonymous.GetFromJsonAsync<JsonElement>($"/api/ocds/releases?since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}");
        var past = await anonymous.GetFromJsonAsync<JsonElement>($"/api/ocds/releases?since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"))}");
        var badLimit = await anonymous.GetAsync("/api/ocds/releases?limit=0");
        var badRange = await anonymous.GetAsync("/api/ocds/releases?since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z");
        var notADate = await anonymous.GetAsync("/api/ocds/releases?since=yesterday");
        var missing = await anonymous.GetAsync("/api/ocds/records/ocds-cnmx01-nothing");

        Assert.Empty(future.GetProperty("releases").EnumerateArray());
        Assert.Single(past.GetProperty("releases").EnumerateArray());
        await PortalFlow.ProblemAsync(badLimit, HttpStatusCode.BadRequest);
        await PortalFlow.ProblemAsync(badRange, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.BadRequest, notADate.StatusCode);
        Assert.Equal("not-found", (await PortalFlow.ProblemAsync(missing, HttpStatusCode.NotFound)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task SealedOffers_NobodyReadsThemBeforeTheOpening_WhichRevealsAllAtOnce()
    {
        using var officer = await _host.ClientAsync("officerA");
        using var s1 = await _host.ClientAsync("s1");
        using var s2 = await _host.ClientAsync("s2");
        using var s3 = await _host.ClientAsync("s3");
        using var officerB = await _host.ClientAsync("officerB"); // tokens are issued before the clock jumps
        using var anonymous = _host.Client();
        var planId = await PortalFlow.PublishedPlanAsync(officer, 3_000_000m);
        var id = (await PortalFlow.CreateProcedureAsync(officer, PortalFlow.ProcedureBody(planId))).GetProperty("procedure").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/procedures/{id}/publish", null)).StatusCode);

        var first = await Offer(s1, id, Guid.NewGuid(), 61.37m, 52.19m);
        var replaced = await Offer(s2, id, Guid.NewGuid(), 70.11m, 45.03m);
        var second = await Offer(s2, id, Guid.NewGuid(), 58.43m, 44.29m);
        var withdrawnId = Guid.NewGuid();
        await Offer(s3, id, withdrawnId, 55.17m, 40.71m);
        var withdrawn = await s3.DeleteAsync($"/api/procedures/{id}/offers/{withdrawnId}");
        var repeated = await Offer(s1, id, first.GetProperty("offerId").GetGuid(), 61.37m, 52.19m);
        var wrongTotal = await s1.PostAsJsonAsync($"/api/procedures/{id}/offers", new { offerId = Guid.NewGuid(), total = 1m, items = new[] { new { itemId = "1", unitPrice = 60m }, new { itemId = "2", unitPrice = 50m } } });
        var missingItem = await s1.PostAsJsonAsync($"/api/procedures/{id}/offers", new { offerId = Guid.NewGuid(), items = new[] { new { itemId = "1", unitPrice = 60m } } });
        var byOfficer = await officer.PostAsJsonAsync($"/api/procedures/{id}/offers", new { offerId = Guid.NewGuid(), items = new[] { new { itemId = "1", unitPrice = 1m }, new { itemId = "2", unitPrice = 1m } } });
        var publicBefore = await anonymous.GetStringAsync($"/api/procedures/{id}/offers");
        var officerBefore = await officer.GetStringAsync($"/api/procedures/{id}/offers");
        var ownBefore = await s1.GetFromJsonAsync<JsonElement>($"/api/procedures/{id}/offers");
        var tooEarly = await officer.PostAsync($"/api/procedures/{id}/opening", null);

        _time.Advance(TimeSpan.FromDays(16));
        var late = await s1.PostAsJsonAsync($"/api/procedures/{id}/offers", new { offerId = Guid.NewGuid(), items = new[] { new { itemId = "1", unitPrice = 1m }, new { itemId = "2", unitPrice = 1m } } });
        var byOtherUnit = await officerB.PostAsync($"/api/procedures/{id}/opening", null);
        var opened = await officer.PostAsync($"/api/procedures/{id}/opening", null);
        var publicAfter = await anonymous.GetFromJsonAsync<JsonElement>($"/api/procedures/{id}/offers");
        var record = await anonymous.GetStringAsync($"/api/ocds/records/ocds-cnmx01-{id}");
        var documents = await anonymous.GetFromJsonAsync<JsonElement>($"/api/procedures/{id}/documents");

        Assert.Equal(first.GetProperty("sealedHash").GetString(), repeated.GetProperty("sealedHash").GetString());
        Assert.NotEqual(replaced.GetProperty("offerId").GetGuid(), second.GetProperty("offerId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.True((await PortalFlow.ProblemAsync(wrongTotal, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("total", out _));
        Assert.True((await PortalFlow.ProblemAsync(missingItem, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("items[1].unitPrice", out _));
        await PortalFlow.ProblemAsync(byOfficer, HttpStatusCode.Forbidden);
        foreach (var secret in new[] { "874650", "805750", "61.37", "58.43", "\"s1\"", "\"s2\"", "\"s3\"" })
        {
            Assert.DoesNotContain(secret, publicBefore, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, officerBefore.Replace(id, "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.Contains("\"liveOffers\":2", publicBefore, StringComparison.Ordinal);
        Assert.Single(ownBefore.GetProperty("ownOffers").EnumerateArray());
        Assert.Equal("too-early", (await PortalFlow.ProblemAsync(tooEarly, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal("deadline-passed", (await PortalFlow.ProblemAsync(late, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        await PortalFlow.ProblemAsync(byOtherUnit, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var revealed = publicAfter.GetProperty("opening").GetProperty("offers").EnumerateArray().ToArray();
        Assert.Equal(["s1", "s2"], revealed.Select(o => o.GetProperty("supplierId").GetString()));
        Assert.Equal([874_650.00m, 805_750.00m], revealed.Select(o => o.GetProperty("total").GetDecimal()));
        Assert.Equal(second.GetProperty("sealedHash").GetString(), revealed[1].GetProperty("sealedHash").GetString());
        AssertValid(Validator.ValidateRecordPackage(record), "record after opening");
        var compiled = JsonDocument.Parse(record).RootElement.GetProperty("records")[0].GetProperty("compiledRelease");
        Assert.Equal(["pending", "pending"], compiled.GetProperty("bids").GetProperty("details").EnumerateArray().Select(b => b.GetProperty("status").GetString()));
        Assert.Contains(documents.EnumerateArray(), d => d.GetProperty("kind").GetString() == "opening-minutes");
    }

    [Fact]
    public async Task WholeCycle_PlanToAwardWithAnAuction_EveryStepPublishedAsValidOcds()
    {
        using var officer = await _host.ClientAsync("officerA");
        using var s1 = await _host.ClientAsync("s1");
        using var s2 = await _host.ClientAsync("s2");
        using var s3 = await _host.ClientAsync("s3");
        using var s4 = await _host.ClientAsync("s4");
        using var bidder1 = await _host.EngineClientAsync("s1");
        using var bidder2 = await _host.EngineClientAsync("s2");
        using var anonymous = _host.Client();
        var planId = await PortalFlow.PublishedPlanAsync(officer, 3_000_000m);
        var id = (await PortalFlow.CreateProcedureAsync(officer, PortalFlow.ProcedureBody(planId))).GetProperty("procedure").GetProperty("id").GetString()!;
        var research = await officer.PutAsJsonAsync($"/api/procedures/{id}/market-research", new
        {
            quotes = new[]
            {
                new { source = "Cotización de Farmacéutica Norte", amount = 880_000m, date = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime.AddDays(-10)) },
                new { source = "Contrato 2025 del Instituto (precio actualizado)", amount = 920_000m, date = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime.AddDays(-30)) },
            },
        });
        Assert.Equal(HttpStatusCode.OK, research.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/procedures/{id}/publish", null)).StatusCode);
        var beforeAward = await anonymous.GetFromJsonAsync<JsonElement>($"/api/procedures/{id}");
        Assert.False(beforeAward.TryGetProperty("marketResearch", out var hidden) && hidden.ValueKind != JsonValueKind.Null, "the market research is public before the award");
        Assert.Equal(HttpStatusCode.Created, (await s1.PostAsJsonAsync($"/api/procedures/{id}/questions", new { question = "¿Se acepta entregar en dos almacenes?" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/procedures/{id}/questions/1/answer", new { answer = "No, sólo en el almacén central." })).StatusCode);
        await Offer(s1, id, Guid.NewGuid(), 60m, 50m);   // 850,000
        await Offer(s2, id, Guid.NewGuid(), 62m, 48m);   // 860,000
        await Offer(s3, id, Guid.NewGuid(), 66m, 70m);   // 1,010,000: over the budget and more than 10% over the reference (900,000)
        await Offer(s4, id, Guid.NewGuid(), 59m, 49m);   // 835,000 but technically not admissible
        _time.Advance(TimeSpan.FromDays(16));
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/procedures/{id}/opening", null)).StatusCode);

        var undecided = await officer.PostAsJsonAsync($"/api/procedures/{id}/evaluation", new
        {
            offers = new object[]
            {
                new { supplierId = "s1", admissible = true },
                new { supplierId = "s2", admissible = true },
                new { supplierId = "s3", admissible = true },
                new { supplierId = "s4", admissible = false, reasons = "No presentó el registro sanitario vigente de la amoxicilina." },
            },
        });
        var startsAt = _time.GetUtcNow().AddMinutes(1);
        var evaluated = await officer.PostAsJsonAsync($"/api/procedures/{id}/evaluation", new
        {
            offers = new object[]
            {
                new { supplierId = "s1", admissible = true },
                new { supplierId = "s2", admissible = true },
                new { supplierId = "s3", admissible = true, acceptFlaggedPrice = false, priceDecision = "Precio 8% sobre el tope de la investigación de mercado; se desecha." },
                new { supplierId = "s4", admissible = false, reasons = "No presentó el registro sanitario vigente de la amoxicilina." },
            },
            auctionStartsAt = startsAt,
        });
        var early = await officer.PostAsJsonAsync($"/api/procedures/{id}/award", new { });
        _time.Advance(TimeSpan.FromMinutes(2));
        var bid1 = await bidder1.PostAsJsonAsync($"/api/auctions/{id}/bids", new { amount = 840_000.00m, bidId = Guid.NewGuid() });
        var bid2 = await bidder2.PostAsJsonAsync($"/api/auctions/{id}/bids", new { amount = 830_000.00m, bidId = Guid.NewGuid() });
        _time.Advance(TimeSpan.FromMinutes(40));
        var collected = await WaitForStatusAsync(anonymous, id, "evaluated");
        var awarded = await officer.PostAsJsonAsync($"/api/procedures/{id}/award", new { });
        var record = await anonymous.GetStringAsync($"/api/ocds/records/ocds-cnmx01-{id}");
        var documents = await anonymous.GetFromJsonAsync<JsonElement>($"/api/procedures/{id}/documents");

        var flagged = (await PortalFlow.ProblemAsync(undecided, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(flagged.TryGetProperty("offers[2].priceDecision", out var flagMessage), flagged.GetRawText());
        Assert.Contains("not-acceptable-over-market", flagMessage[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, evaluated.StatusCode);
        Assert.Equal("auction", (await evaluated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("not-ready", (await PortalFlow.ProblemAsync(early, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, bid1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bid2.StatusCode);
        Assert.Equal(["s2", "s1"], collected.GetProperty("ranking").EnumerateArray().Select(r => r.GetProperty("supplierId").GetString()));
        Assert.Equal(HttpStatusCode.OK, awarded.StatusCode);
        var award = (await awarded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("award");
        Assert.Equal("s2", award.GetProperty("supplierId").GetString());
        Assert.Equal(830_000.00m, award.GetProperty("amount").GetDecimal());
        AssertValid(Validator.ValidateRecordPackage(record), "record after the award");
        var releases = JsonDocument.Parse(record).RootElement.GetProperty("records")[0].GetProperty("releases").EnumerateArray().ToArray();
        Assert.Equal(["planning", "tender", "tenderUpdate", "tenderUpdate", "tenderUpdate", "tenderUpdate", "award"], releases.Select(r => r.GetProperty("tag")[0].GetString()));
        var compiled = JsonDocument.Parse(record).RootElement.GetProperty("records")[0].GetProperty("compiledRelease");
        Assert.Equal("complete", compiled.GetProperty("tender").GetProperty("status").GetString());
        Assert.Equal(830_000.00m, compiled.GetProperty("awards")[0].GetProperty("value").GetProperty("amount").GetDecimal());
        Assert.Equal(["valid", "valid", "disqualified", "disqualified"], compiled.GetProperty("bids").GetProperty("details").EnumerateArray().Select(b => b.GetProperty("status").GetString()));
        Assert.Equal(["award-decision", "call-for-bids", "clarifications", "evaluation-report", "opening-minutes"],
            documents.EnumerateArray().Select(d => d.GetProperty("kind").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(900_000m, (await anonymous.GetFromJsonAsync<JsonElement>($"/api/procedures/{id}")).GetProperty("marketResearch").GetProperty("referencePrice").GetDecimal());
        var decision = await anonymous.GetStringAsync($"/documentos/{id}-fallo/1");
        Assert.Contains("lugar 1", decision, StringComparison.Ordinal);
        Assert.Contains("no solvente", decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluation_WithOneAdmissibleOffer_SkipsTheAuctionAndAwardsDirectly()
    {
        using var officer = await _host.ClientAsync("officerA");
        using var s1 = await _host.ClientAsync("s1");
        using var s2 = await _host.ClientAsync("s2");
        using var anonymous = _host.Client();
        var planId = await PortalFlow.PublishedPlanAsync(officer, 3_000_000m);
        var id = (await PortalFlow.CreateProcedureAsync(officer, PortalFlow.ProcedureBody(planId))).GetProperty("procedure").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/procedures/{id}/publish", null)).StatusCode);
        await Offer(s1, id, Guid.NewGuid(), 60m, 50m);
        await Offer(s2, id, Guid.NewGuid(), 61m, 51m);
        _time.Advance(TimeSpan.FromDays(16));
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/procedures/{id}/opening", null)).StatusCode);

        var missing = await officer.PostAsJsonAsync($"/api/procedures/{id}/evaluation", new { offers = new object[] { new { supplierId = "s1", admissible = true } } });
        var noReasons = await officer.PostAsJsonAsync($"/api/procedures/{id}/evaluation", new { offers = new object[] { new { supplierId = "s1", admissible = true }, new { supplierId = "s2", admissible = false } } });
        var evaluated = await officer.PostAsJsonAsync($"/api/procedures/{id}/evaluation", new
        {
            offers = new object[] { new { supplierId = "s1", admissible = false, reasons = "La garantía ofrecida no cubre el periodo pedido." }, new { supplierId = "s2", admissible = true } },
        });
        var toNotRanked = await officer.PostAsJsonAsync($"/api/procedures/{id}/award", new { supplierId = "s1" });
        var awarded = await officer.PostAsJsonAsync($"/api/procedures/{id}/award", new { });
        var again = await officer.PostAsJsonAsync($"/api/procedures/{id}/award", new { });
        var record = await anonymous.GetStringAsync($"/api/ocds/records/ocds-cnmx01-{id}");

        Assert.True((await PortalFlow.ProblemAsync(missing, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("offers", out _));
        Assert.True((await PortalFlow.ProblemAsync(noReasons, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("offers[1].reasons", out _));
        Assert.Equal("evaluated", (await evaluated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.True((await PortalFlow.ProblemAsync(toNotRanked, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("supplierId", out _));
        Assert.Equal("s2", (await awarded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("award").GetProperty("supplierId").GetString());
        await PortalFlow.ProblemAsync(again, HttpStatusCode.Conflict);
        AssertValid(Validator.ValidateRecordPackage(record), "record after a direct award");
    }

    /// <summary>Moves the fake clock a few seconds at a time (the result collector's period) until the procedure reaches the status.</summary>
    private async Task<JsonElement> WaitForStatusAsync(HttpClient client, string id, string status)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var procedure = await client.GetFromJsonAsync<JsonElement>($"/api/procedures/{id}");
            if (procedure.GetProperty("status").GetString() == status)
            {
                return procedure;
            }

            _time.Advance(TimeSpan.FromSeconds(5));
            await Task.Yield();
        }

        Assert.Fail($"{id} never became {status}.");
        return default;
    }

    private static async Task<JsonElement> Offer(HttpClient supplier, string procedureId, Guid offerId, decimal price1, decimal price2)
    {
        var response = await supplier.PostAsJsonAsync($"/api/procedures/{procedureId}/offers", new
        {
            offerId,
            items = new[] { new { itemId = "1", unitPrice = price1 }, new { itemId = "2", unitPrice = price2 } },
            technicalProposal = "Entregas mensuales en el almacén central; registro sanitario vigente.",
            documents = new[] { new { name = "propuesta-tecnica.pdf", sha256 = new string('a', 64) } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static void AssertValid(OcdsValidationResult result, string what) =>
        Assert.True(result.IsValid, $"{what}: {string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Message}"))}");
}

/// <summary>The cycle on the embedded default: one process, one SQLite file.</summary>
public sealed class PortalCycleOnSqliteTests : PortalCycleTests
{
    protected override bool OnPostgres => false;
}

/// <summary>The cycle on PostgreSQL, the portal reaching a separate auction host as an Orleans client.</summary>
public sealed class PortalCycleOnPostgresTests : PortalCycleTests
{
    protected override bool OnPostgres => true;
}
