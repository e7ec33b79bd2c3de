using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CompraNet.ProcurementPortal.Ocds;
using CompraNet.ProcurementPortal.Tests.Infrastructure;
using CompraNet.ProcurementPortal.Tests.Ocds;
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
        _host = await PortalTestHost.StartAsync(postgres: OnPostgres, new Dictionary<string, string?>
        {
            ["CompraNet:Auth:TokenLifetime"] = "60.00:00:00",
            ["CompraNet:Interconnection:ClientTokenLifetime"] = "200.00:00:00",
        }, _time);
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
            OcdsAssert.Valid(Validator.ValidateReleasePackage(text), next);
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
            OcdsAssert.Valid(Validator.ValidateRecordPackage(record), ocid);
        }

        var single = await anonymous.GetStringAsync($"/api/ocds/releases/{releases[2].GetProperty("id").GetString()}");
        OcdsAssert.Valid(Validator.ValidateReleasePackage(single), "single release");
        var bulk = (await anonymous.GetStringAsync("/api/ocds/bulk")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(releases.Length, bulk.Length);
        Assert.All(bulk, line => OcdsAssert.Valid(Validator.ValidateRelease(line), "bulk line"));
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
        OcdsAssert.Valid(Validator.ValidateRecordPackage(record), "record after opening");
        var compiled = JsonDocument.Parse(record).RootElement.GetProperty("records")[0].GetProperty("compiledRelease");
        Assert.Equal(["pending", "pending"], compiled.GetProperty("bids").GetProperty("details").EnumerateArray().Select(b => b.GetProperty("status").GetString()));
        Assert.Contains(documents.EnumerateArray(), d => d.GetProperty("kind").GetString() == "opening-minutes");
    }

    [Fact]
    public async Task WholeCycle_PlanToAuctionAwardContractDeliveriesAndFinalPayment_EveryStepPublishedAsValidOcds()
    {
        using var officer = await _host.ClientAsync("officerA");
        using var s1 = await _host.ClientAsync("s1");
        using var s2 = await _host.ClientAsync("s2");
        using var s3 = await _host.ClientAsync("s3");
        using var s4 = await _host.ClientAsync("s4");
        using var bidder1 = await _host.EngineClientAsync("s1");
        using var bidder2 = await _host.EngineClientAsync("s2");
        using var treasury = await _host.TreasuryClientAsync(); // before the fake clock moves: tokens are checked against it
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
        OcdsAssert.Valid(Validator.ValidateRecordPackage(record), "record after the award");
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

        await ContinueToFinalPaymentAsync(id, officer, s1, s2, treasury, anonymous);
    }

    /// <summary>
    /// From the award of 830,000.00 to s2 on to the last payment: the contract signed by both; two deliveries, the first
    /// accepted on time, the second rejected once and accepted five days late (penalty 0.5% a day); two invoices (one
    /// returned for a wrong folio and presented again), two payment orders less the penalty; the treasury pays them (one
    /// late, in two parts; a retry is answered once; an overpayment refused); the finiquito once everything is paid.
    /// Every release valid; the record shows the whole life; the supplier's record counts it.
    /// </summary>
    private async Task ContinueToFinalPaymentAsync(string id, HttpClient officer, HttpClient s1, HttpClient s2, HttpClient treasury, HttpClient anonymous)
    {
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var start = today.AddDays(1);
        var created = await officer.PostAsJsonAsync($"/api/procedures/{id}/contracts", new { startDate = start, endDate = start.AddDays(89), penaltyPercentPerDay = 0.5m });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var contract = await created.Content.ReadFromJsonAsync<JsonElement>();
        var contractId = contract.GetProperty("id").GetString()!;
        var sha = contract.GetProperty("current").GetProperty("sha256").GetString()!;
        var scheduleUnsigned = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries", new { description = "Primera entrega", dueDate = start.AddDays(30), amount = 415_000m });
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/contracts/{contractId}/sign", new { sha256 = sha })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s2.PostAsJsonAsync($"/api/contracts/{contractId}/sign", new { sha256 = sha })).StatusCode);
        Assert.Equal("not-active", (await PortalFlow.ProblemAsync(scheduleUnsigned, HttpStatusCode.Conflict)).GetProperty("code").GetString());

        var bySupplier = await s2.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries", new { description = "Primera entrega", dueDate = start.AddDays(30), amount = 415_000m });
        var first = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries", new { description = "Primera entrega: 5,000 cajas de paracetamol y 2,500 de amoxicilina", dueDate = start.AddDays(30), amount = 415_000m });
        var second = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries", new { description = "Segunda entrega: el resto de las cajas", dueDate = start.AddDays(60), amount = 415_000m });
        var overValue = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries", new { description = "Entrega adicional", dueDate = start.AddDays(70), amount = 0.01m });
        var afterEnd = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries", new { kind = "parcel", description = "x", dueDate = start.AddDays(90) });
        await PortalFlow.ProblemAsync(bySupplier, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Contains("0.00 is left", (await PortalFlow.ProblemAsync(overValue, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("amount")[0].GetString(), StringComparison.Ordinal);
        var afterEndErrors = (await PortalFlow.ProblemAsync(afterEnd, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(afterEndErrors.TryGetProperty("kind", out _) && afterEndErrors.TryGetProperty("description", out _) && afterEndErrors.TryGetProperty("dueDate", out _)
            && afterEndErrors.TryGetProperty("amount", out _), afterEndErrors.GetRawText());

        // E1 on time.
        _time.Advance(TimeSpan.FromDays(30));
        var future = await s2.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E1/report", new { deliveredOn = start.AddDays(40) });
        var byOther = await s1.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E1/report", new { deliveredOn = start.AddDays(29) });
        Assert.Equal(HttpStatusCode.OK, (await s2.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E1/report", new { deliveredOn = start.AddDays(29), note = "Remisión 4411" })).StatusCode);
        var supplierAccepts = await s2.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E1/accept", new { receivedOn = start.AddDays(29) });
        var beforeReport = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E1/accept", new { receivedOn = start.AddDays(28) });
        var accepted1 = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E1/accept", new { receivedOn = start.AddDays(29), note = "Completa, lotes con caducidad mayor a 12 meses." });
        Assert.True((await PortalFlow.ProblemAsync(future, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("deliveredOn", out _));
        await PortalFlow.ProblemAsync(byOther, HttpStatusCode.Forbidden);
        await PortalFlow.ProblemAsync(supplierAccepts, HttpStatusCode.Forbidden);
        Assert.True((await PortalFlow.ProblemAsync(beforeReport, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("receivedOn", out _));
        Assert.Equal(HttpStatusCode.OK, accepted1.StatusCode);
        var e1 = (await accepted1.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deliveries")[0];
        Assert.Equal(("accepted", 0, 0m), (e1.GetProperty("status").GetString(), e1.GetProperty("daysLate").GetInt32(), e1.GetProperty("penalty").GetDecimal()));

        // F1 for E1, approved: OP1 due 20 days after the invoice.
        var folio1 = "6F9619FF-8B86-D011-B42D-00C04FC964FF";
        var notAccepted = await s2.PostAsJsonAsync($"/api/contracts/{contractId}/invoices", new { folio = folio1, deliveryIds = new[] { "E2" }, issuedOn = today.AddDays(30) });
        var badFolio = await s2.PostAsJsonAsync($"/api/contracts/{contractId}/invoices", new { folio = "A-123", deliveryIds = new[] { "E1" }, issuedOn = today.AddDays(30) });
        var invoice1 = await s2.PostAsJsonAsync($"/api/contracts/{contractId}/invoices", new { folio = folio1.ToLowerInvariant(), deliveryIds = new[] { "E1" }, issuedOn = today.AddDays(30) });
        var twice = await s2.PostAsJsonAsync($"/api/contracts/{contractId}/invoices", new { folio = "7F9619FF-8B86-D011-B42D-00C04FC964FF", deliveryIds = new[] { "E1" }, issuedOn = today.AddDays(30) });
        var supplierApproves = await s2.PostAsync($"/api/contracts/{contractId}/invoices/F1/approve", null);
        var approved1 = await officer.PostAsync($"/api/contracts/{contractId}/invoices/F1/approve", null);
        var again = await officer.PostAsync($"/api/contracts/{contractId}/invoices/F1/approve", null);
        Assert.True((await PortalFlow.ProblemAsync(notAccepted, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("deliveryIds", out _));
        Assert.True((await PortalFlow.ProblemAsync(badFolio, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("folio", out _));
        Assert.Equal(HttpStatusCode.Created, invoice1.StatusCode);
        Assert.Contains("already on an invoice", (await PortalFlow.ProblemAsync(twice, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("deliveryIds")[0].GetString(), StringComparison.Ordinal);
        await PortalFlow.ProblemAsync(supplierApproves, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, approved1.StatusCode);
        Assert.Equal("already-decided", (await PortalFlow.ProblemAsync(again, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        var op1 = (await approved1.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentOrders")[0];
        Assert.Equal($"{contractId}-OP1", op1.GetProperty("id").GetString());
        Assert.Equal(415_000m, op1.GetProperty("amount").GetDecimal());
        Assert.Equal(today.AddDays(50), DateOnly.Parse(op1.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        // The treasury pays OP1 (a retry records nothing new); an overpayment is refused.
        var payment1 = new { contractId, reference = $"{contractId}-OP1", amount = 415_000m, paidAt = _time.GetUtcNow().AddHours(-1), idempotencyKey = $"tesofe-{contractId}-1" };
        var paid1 = await treasury.PostAsJsonAsync("/api/interconnection/payments", payment1);
        var retried = await treasury.PostAsJsonAsync("/api/interconnection/payments", payment1);
        var overpaid = await treasury.PostAsJsonAsync("/api/interconnection/payments", payment1 with { amount = 0.01m, idempotencyKey = $"tesofe-{contractId}-x" });
        var userPays = await officer.PostAsJsonAsync("/api/interconnection/payments", payment1 with { idempotencyKey = $"tesofe-{contractId}-u" });
        Assert.Equal(HttpStatusCode.Created, paid1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("exceeds-order", (await PortalFlow.ProblemAsync(overpaid, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, userPays.StatusCode);

        // E2: reported, rejected, reported again and accepted five days late.
        _time.Advance(TimeSpan.FromDays(32));
        Assert.Equal(HttpStatusCode.OK, (await s2.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E2/report", new { deliveredOn = start.AddDays(61) })).StatusCode);
        var noReason = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E2/reject", new { reason = "mal" });
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E2/reject", new { reason = "300 cajas de amoxicilina con caducidad menor a 12 meses." })).StatusCode);
        var acceptRejected = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E2/accept", new { receivedOn = start.AddDays(62) });
        _time.Advance(TimeSpan.FromDays(4));
        Assert.Equal(HttpStatusCode.OK, (await s2.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E2/report", new { deliveredOn = start.AddDays(65), note = "Reposición de las 300 cajas" })).StatusCode);
        var accepted2 = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E2/accept", new { receivedOn = start.AddDays(65) });
        Assert.True((await PortalFlow.ProblemAsync(noReason, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal("not-pending", (await PortalFlow.ProblemAsync(acceptRejected, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        var e2 = (await accepted2.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deliveries")[1];
        Assert.Equal(("accepted", 5, 10_375.00m, 1), (e2.GetProperty("status").GetString(), e2.GetProperty("daysLate").GetInt32(), e2.GetProperty("penalty").GetDecimal(), e2.GetProperty("rejections").GetInt32()));

        // F2 returned (wrong folio), F3 approved: OP2 = 415,000 − 10,375.
        var invoiceDay = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        Assert.Equal(HttpStatusCode.Created, (await s2.PostAsJsonAsync($"/api/contracts/{contractId}/invoices", new { folio = "11111111-2222-3333-4444-555555555555", deliveryIds = new[] { "E2" }, issuedOn = invoiceDay })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/contracts/{contractId}/invoices/F2/reject", new { reason = "El RFC del receptor no es el de la unidad compradora." })).StatusCode);
        var reused = await s2.PostAsJsonAsync($"/api/contracts/{contractId}/invoices", new { folio = "11111111-2222-3333-4444-555555555555", deliveryIds = new[] { "E2" }, issuedOn = invoiceDay });
        Assert.Equal(HttpStatusCode.Created, (await s2.PostAsJsonAsync($"/api/contracts/{contractId}/invoices", new { folio = "21111111-2222-3333-4444-555555555555", deliveryIds = new[] { "E2" }, issuedOn = invoiceDay })).StatusCode);
        var approved3 = await officer.PostAsync($"/api/contracts/{contractId}/invoices/F3/approve", null);
        Assert.True((await PortalFlow.ProblemAsync(reused, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("folio", out _));
        var op2 = (await approved3.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentOrders")[1];
        Assert.Equal((415_000m, 10_375m, 404_625m), (op2.GetProperty("gross").GetDecimal(), op2.GetProperty("penalties").GetDecimal(), op2.GetProperty("amount").GetDecimal()));

        // The supplier sees when it will be paid; then OP2 goes unpaid past its due date.
        var account = await s2.GetFromJsonAsync<JsonElement>($"/api/contracts/{contractId}/account");
        Assert.Equal((415_000m, 404_625m, 0m, 10_375m), (account.GetProperty("paid").GetDecimal(), account.GetProperty("due").GetDecimal(), account.GetProperty("overdue").GetDecimal(), account.GetProperty("penalties").GetDecimal()));
        Assert.Equal(invoiceDay.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), account.GetProperty("nextPaymentDue").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await s1.GetAsync($"/api/contracts/{contractId}/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/contracts/{contractId}/account")).StatusCode);
        _time.Advance(TimeSpan.FromDays(23));
        var early = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/termination", new { kind = "completed", reason = "Cumplimiento total del contrato." });
        account = await officer.GetFromJsonAsync<JsonElement>($"/api/contracts/{contractId}/account");
        Assert.Equal((0m, 404_625m), (account.GetProperty("due").GetDecimal(), account.GetProperty("overdue").GetDecimal()));
        Assert.Equal(("overdue", 3), (account.GetProperty("orders")[1].GetProperty("status").GetString(), account.GetProperty("orders")[1].GetProperty("daysOverdue").GetInt32()));
        Assert.Contains("unpaid", (await PortalFlow.ProblemAsync(early, HttpStatusCode.Conflict)).GetProperty("title").GetString(), StringComparison.Ordinal);

        // The treasury pays OP2 in two parts; the finiquito closes the contract.
        foreach (var (part, amount) in new[] { (1, 200_000m), (2, 204_625m) })
        {
            var paid = await treasury.PostAsJsonAsync("/api/interconnection/payments",
                new { contractId, reference = $"{contractId}-OP2", amount, paidAt = _time.GetUtcNow().AddMinutes(-part), idempotencyKey = $"tesofe-{contractId}-op2-{part}" });
            Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        }

        var closed = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/termination", new { kind = "completed", reason = "Cumplimiento total del contrato." });
        var afterClose = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries", new { description = "Otra entrega", dueDate = start.AddDays(80), amount = 1m });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("terminated", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("terminated", (await PortalFlow.ProblemAsync(afterClose, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        account = await s2.GetFromJsonAsync<JsonElement>($"/api/contracts/{contractId}/account");
        Assert.Equal((819_625m, 0m, 0m), (account.GetProperty("paid").GetDecimal(), account.GetProperty("due").GetDecimal(), account.GetProperty("overdue").GetDecimal()));

        // The public reads no invoice's fiscal data; the supplier does.
        var publicContract = await anonymous.GetStringAsync($"/api/contracts/{contractId}");
        Assert.DoesNotContain(folio1, publicContract, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("RFC del receptor", publicContract, StringComparison.Ordinal);
        Assert.Contains(folio1, await s2.GetStringAsync($"/api/contracts/{contractId}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Remisión 4411", publicContract, StringComparison.Ordinal);
        Assert.Contains("Remisión 4411", await officer.GetStringAsync($"/api/contracts/{contractId}"), StringComparison.Ordinal);
        var publicTimeline = await anonymous.GetStringAsync($"/api/procedures/{id}/timeline");
        Assert.DoesNotContain("RFC del receptor", publicTimeline, StringComparison.Ordinal);
        Assert.Contains("RFC del receptor", await officer.GetStringAsync($"/api/procedures/{id}/timeline"), StringComparison.Ordinal);
        Assert.Contains("5 días de atraso", publicTimeline, StringComparison.Ordinal);

        // The record: every release valid, the whole life from planning to the contract's termination.
        var record = await anonymous.GetStringAsync($"/api/ocds/records/ocds-cnmx01-{id}");
        OcdsAssert.Valid(Validator.ValidateRecordPackage(record), "record after the last payment");
        var recorded = JsonDocument.Parse(record).RootElement.GetProperty("records")[0];
        var tags = recorded.GetProperty("releases").EnumerateArray().Select(r => r.GetProperty("tag")[0].GetString()).ToArray();
        Assert.Equal(["planning", "tender", "tenderUpdate", "award", "contract", "contractUpdate", "implementation", "implementationUpdate", "contractTermination"], tags.Distinct());
        var linked = await anonymous.GetStringAsync($"/api/ocds/records/ocds-cnmx01-{id}?releases=linked");
        OcdsAssert.Valid(Validator.ValidateRecordPackage(linked), "record with linked releases");
        var links = JsonDocument.Parse(linked).RootElement.GetProperty("records")[0];
        Assert.Equal(tags, links.GetProperty("releases").EnumerateArray().Select(r => r.GetProperty("tag")[0].GetString()).ToArray());
        Assert.All(links.GetProperty("releases").EnumerateArray(), r => Assert.StartsWith(_host.BaseAddress.ToString().TrimEnd('/') + "/api/ocds/releases/", r.GetProperty("url").GetString(), StringComparison.Ordinal));
        Assert.Equal(CompiledText(recorded), CompiledText(links));
        Assert.True(linked.Length * 3 < record.Length, $"linked record {linked.Length} bytes, embedded {record.Length}");
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"/api/ocds/records/ocds-cnmx01-{id}?releases=all")).StatusCode);
        var releaseText = await anonymous.GetStringAsync($"/api/ocds/releases?limit=500");
        OcdsAssert.Valid(Validator.ValidateReleasePackage(releaseText), "every release");
        var compiled = recorded.GetProperty("compiledRelease").GetProperty("contracts")[0];
        Assert.Equal("terminated", compiled.GetProperty("status").GetString());
        var implementation = compiled.GetProperty("implementation");
        Assert.Equal([200_000m, 204_625m, 415_000m], implementation.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("value").GetProperty("amount").GetDecimal()).Order());
        Assert.Equal(["met", "met", "met", "met"], implementation.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("status").GetString()));
        Assert.Contains("5 días de atraso", implementation.GetProperty("milestones")[1].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(["contract-C1-E1-acta", "contract-C1-E2-acta", "contract-C1-finiquito", "contrato"],
            compiled.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()!.Replace(contractId, "contract-C1", StringComparison.Ordinal)
                .Replace("contract-C1-contrato", "contrato", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var finiquito = await anonymous.GetStringAsync($"/documentos/{contractId}-finiquito/1");
        Assert.Contains("FINIQUITO", finiquito, StringComparison.Ordinal);
        Assert.Contains("pagado 819625.00", finiquito, StringComparison.Ordinal);

        // The supplier's public record.
        var performance = await anonymous.GetFromJsonAsync<JsonElement>("/api/suppliers/s2/performance");
        Assert.Equal((1, 1, 2, 1, 50.0m, 1, 10_375m), (performance.GetProperty("contractsWon").GetInt32(), performance.GetProperty("completed").GetInt32(),
            performance.GetProperty("deliveriesAccepted").GetInt32(), performance.GetProperty("deliveriesOnTime").GetInt32(), performance.GetProperty("onTimeRatePercent").GetDecimal(),
            performance.GetProperty("rejections").GetInt32(), performance.GetProperty("penaltiesByCurrency").GetProperty("MXN").GetDecimal()));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/suppliers/nobody/performance")).StatusCode);
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
        OcdsAssert.Valid(Validator.ValidateRecordPackage(record), "record after a direct award");
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

    private static string CompiledText(JsonElement record) => record.GetProperty("compiledRelease").GetRawText();
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
