using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CompraNet.ProcurementPortal.Ocds;
using CompraNet.ProcurementPortal.Tests.Infrastructure;
using CompraNet.ProcurementPortal.Tests.Interconnection;
using CompraNet.ProcurementPortal.Tests.Ocds;
using Microsoft.Extensions.Time.Testing;

namespace CompraNet.ProcurementPortal.Tests.Features;

/// <summary>
/// The edges of a contract's execution over REST: penalties reaching the performance guarantee, a rescission calling
/// it, an early termination, who may do and read what, and the webhook events each step writes to the outbox with the
/// change. (The ordinary path to the last payment is in <see cref="PortalCycleTests"/>.) Runs on embedded SQLite and on
/// PostgreSQL, as the two subclasses below.
/// </summary>
[Trait("Category", "Integration")]
public abstract class ExecutionTests : IAsyncLifetime
{
    private static readonly OcdsSchemaValidator Validator = new("ocds-cnmx01");

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private PortalTestHost _host = null!;
    private LoopbackReceiver _receiver = null!;

    protected abstract bool OnPostgres { get; }

    public async Task InitializeAsync()
    {
        _receiver = await LoopbackReceiver.StartAsync();
        _host = await PortalTestHost.StartAsync(postgres: OnPostgres, new Dictionary<string, string?>
        {
            ["CompraNet:Auth:TokenLifetime"] = "60.00:00:00",
            ["CompraNet:Interconnection:ClientTokenLifetime"] = "200.00:00:00",
            ["CompraNet:Interconnection:AllowPrivateWebhookTargets"] = "true",
        }, _time);
        await _host.SeedAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task PenaltiesReachTheGuarantee_RescissionCallsIt_CancelsWhatIsPending_AcceptedStillPaid_EventsInTheOutbox()
    {
        using var officer = await _host.ClientAsync("officerA");
        using var s1 = await _host.ClientAsync("s1");
        using var s2 = await _host.ClientAsync("s2");
        using var hooks = await _host.WebhooksClientAsync();
        using var treasury = await _host.TreasuryClientAsync();
        using var anonymous = _host.Client();
        var subscribed = await hooks.PostAsJsonAsync("/api/interconnection/webhooks", new { url = _receiver.Url("/events").ToString(), eventTypes = new[] { "*" } });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var subscriptionId = (await subscribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscription").GetProperty("id").GetString();
        var id = await PortalFlow.AwardedProcedureAsync(officer, s1, s2, _time);
        var start = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).AddDays(1);
        var contractId = await PortalFlow.SignedContractAsync(officer, s2, id, new
        {
            startDate = start,
            endDate = start.AddDays(59),
            performanceGuarantee = new { type = "fianza", amount = 20_000m },
            penaltyPercentPerDay = 1m,
        });
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries", new { description = "Primera entrega", dueDate = start.AddDays(10), amount = 100_000m })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries", new { kind = "milestone", description = "Informe de distribución", dueDate = start.AddDays(40), amount = 765_000m })).StatusCode);

        // E1 received 30 days late: 1% × 30 × 100,000 = 30,000, capped by the 20,000 guarantee.
        _time.Advance(TimeSpan.FromDays(41));
        var accepted = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E1/accept", new { receivedOn = start.AddDays(40) });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var account = await officer.GetFromJsonAsync<JsonElement>($"/api/contracts/{contractId}/account");
        Assert.Equal((20_000m, 20_000m, true), (account.GetProperty("penalties").GetDecimal(), account.GetProperty("penaltyCap").GetDecimal(), account.GetProperty("penaltyCapReached").GetBoolean()));

        var earlyWithGuarantee = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/termination", new { kind = "early", reason = "Ya no se requiere el informe por cambio de programa.", guaranteeAmount = 1m });
        var tooMuch = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/termination", new { kind = "rescission", reason = "Atraso reiterado que agotó las penas convencionales.", guaranteeAmount = 25_000m });
        var shortReason = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/termination", new { kind = "rescission", reason = "Atraso." });
        var unknownKind = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/termination", new { kind = "cancelled", reason = "Atraso reiterado que agotó las penas convencionales." });
        var bySupplier = await s2.PostAsJsonAsync($"/api/contracts/{contractId}/termination", new { kind = "early", reason = "El proveedor no puede terminar el contrato por sí mismo." });
        var rescinded = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/termination", new { kind = "rescission", reason = "Atraso reiterado que agotó las penas convencionales (art. 54 LAASSP)." });
        var twice = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/termination", new { kind = "early", reason = "Segundo intento de terminar el contrato ya rescindido." });
        var reportAfter = await s2.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E2/report", new { deliveredOn = start.AddDays(40) });

        Assert.True((await PortalFlow.ProblemAsync(earlyWithGuarantee, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("guaranteeAmount", out _));
        Assert.True((await PortalFlow.ProblemAsync(tooMuch, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("guaranteeAmount", out _));
        Assert.True((await PortalFlow.ProblemAsync(shortReason, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.True((await PortalFlow.ProblemAsync(unknownKind, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("kind", out _));
        await PortalFlow.ProblemAsync(bySupplier, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, rescinded.StatusCode);
        var contract = await rescinded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("terminated", contract.GetProperty("status").GetString());
        Assert.Equal(("rescission", 20_000m), (contract.GetProperty("termination").GetProperty("kind").GetString(), contract.GetProperty("termination").GetProperty("guaranteeCalled").GetDecimal()));
        Assert.Equal(["accepted", "cancelled"], contract.GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("status").GetString()));
        Assert.Equal("terminated", (await PortalFlow.ProblemAsync(twice, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal("terminated", (await PortalFlow.ProblemAsync(reportAfter, HttpStatusCode.Conflict)).GetProperty("code").GetString());

        // What was accepted before the rescission is still invoiced and paid, less its penalty.
        Assert.Equal(HttpStatusCode.Created, (await s2.PostAsJsonAsync($"/api/contracts/{contractId}/invoices", new { folio = "0E9B2B67-3C1F-4A57-9D33-5F8E1F0C2A11", deliveryIds = new[] { "E1" }, issuedOn = start.AddDays(40) })).StatusCode);
        var approved = await officer.PostAsync($"/api/contracts/{contractId}/invoices/F1/approve", null);
        var order = (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentOrders")[0];
        Assert.Equal((100_000m, 20_000m, 80_000m), (order.GetProperty("gross").GetDecimal(), order.GetProperty("penalties").GetDecimal(), order.GetProperty("amount").GetDecimal()));

        // Two payments of the whole order at once (a treasury retrying with a new key): one is recorded, one refused.
        var paidAt = _time.GetUtcNow().AddMinutes(-1);
        var racing = await Task.WhenAll(Enumerable.Range(1, 2).Select(n => treasury.PostAsJsonAsync("/api/interconnection/payments",
            new { contractId, reference = $"{contractId}-OP1", amount = 80_000m, paidAt, idempotencyKey = $"race-{contractId}-{n}" })));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], racing.Select(r => r.StatusCode).Order());
        Assert.Equal(80_000m, (await officer.GetFromJsonAsync<JsonElement>($"/api/contracts/{contractId}/account")).GetProperty("paid").GetDecimal());

        var record = await anonymous.GetStringAsync($"/api/ocds/records/ocds-cnmx01-{id}");
        OcdsAssert.Valid(Validator.ValidateRecordPackage(record), "record after the rescission");
        var compiled = JsonDocument.Parse(record).RootElement.GetProperty("records")[0].GetProperty("compiledRelease").GetProperty("contracts")[0];
        Assert.Equal("terminated", compiled.GetProperty("status").GetString());
        Assert.Contains("Rescisión administrativa", compiled.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("20000.00", compiled.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(["met", "notMet", "met"], compiled.GetProperty("implementation").GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("status").GetString()));
        Assert.Equal(["delivery", "reporting", "financing"], compiled.GetProperty("implementation").GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("type").GetString()));
        Assert.Contains(compiled.GetProperty("documents").EnumerateArray(), d => d.GetProperty("id").GetString() == $"{contractId}-terminacion");

        var performance = await anonymous.GetFromJsonAsync<JsonElement>("/api/suppliers/s2/performance");
        Assert.Equal((1, 20_000m, 0m, 20_000m), (performance.GetProperty("rescinded").GetInt32(), performance.GetProperty("guaranteesCalledByCurrency").GetProperty("MXN").GetDecimal(),
            performance.GetProperty("onTimeRatePercent").GetDecimal(), performance.GetProperty("penaltiesByCurrency").GetProperty("MXN").GetDecimal()));

        // Every step another system may follow was written to the outbox with the change itself.
        var log = await hooks.GetFromJsonAsync<JsonElement>($"/api/interconnection/webhooks/{subscriptionId}/deliveries");
        var types = log.EnumerateArray().Select(d => d.GetProperty("eventType").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "procedure.published", "procedure.awarded", "contract.signed", "contract.committed", "delivery.accepted", "contract.terminated", "payment-order.issued" }, types);
        var orderEvent = log.EnumerateArray().Single(d => d.GetProperty("eventType").GetString() == "payment-order.issued");
        var data = JsonDocument.Parse(orderEvent.GetProperty("payload").GetString()!).RootElement.GetProperty("data");
        Assert.Equal(($"{contractId}-OP1", 80_000m), (data.GetProperty("orderId").GetString(), data.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task EarlyTermination_CancelsPendingDeliveries_WithoutCallingTheGuarantee_AndOnlyPartiesAndAuditorsReadTheAccount()
    {
        using var officer = await _host.ClientAsync("officerA");
        using var officerB = await _host.ClientAsync("officerB");
        using var auditor = await _host.ClientAsync("auditor1");
        using var s1 = await _host.ClientAsync("s1");
        using var s2 = await _host.ClientAsync("s2");
        using var anonymous = _host.Client();
        var id = await PortalFlow.AwardedProcedureAsync(officer, s1, s2, _time);
        var start = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).AddDays(1);
        var contractId = await PortalFlow.SignedContractAsync(officer, s2, id, new { startDate = start, endDate = start.AddDays(59) });
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries", new { description = "Primera entrega", dueDate = start.AddDays(10), amount = 400_000m })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries", new { description = "Segunda entrega", dueDate = start.AddDays(40), amount = 465_000m })).StatusCode);
        var otherUnit = await officerB.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries", new { description = "Entrega", dueDate = start.AddDays(10), amount = 1m });
        var missing = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E9/accept", new { receivedOn = start });
        var noContract = await officer.PostAsJsonAsync("/api/contracts/NOPE-C1/deliveries", new { description = "Entrega", dueDate = start, amount = 1m });
        _time.Advance(TimeSpan.FromDays(9));
        Assert.Equal(HttpStatusCode.OK, (await s2.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E1/report", new { deliveredOn = start.AddDays(8) })).StatusCode);
        var acceptByOtherUnit = await officerB.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E1/accept", new { receivedOn = start.AddDays(8) });
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E1/accept", new { receivedOn = start.AddDays(8) })).StatusCode);
        var completedTooSoon = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/termination", new { kind = "completed", reason = "Cumplimiento total del contrato." });
        var early = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/termination", new { kind = "early", reason = "Se extinguió la necesidad por la reubicación de la unidad médica (art. 54 Bis)." });

        await PortalFlow.ProblemAsync(otherUnit, HttpStatusCode.Forbidden);
        await PortalFlow.ProblemAsync(missing, HttpStatusCode.NotFound);
        await PortalFlow.ProblemAsync(noContract, HttpStatusCode.NotFound);
        await PortalFlow.ProblemAsync(acceptByOtherUnit, HttpStatusCode.Forbidden);
        var notComplete = (await PortalFlow.ProblemAsync(completedTooSoon, HttpStatusCode.Conflict)).GetProperty("title").GetString();
        Assert.Contains("delivery E2 is scheduled", notComplete, StringComparison.Ordinal);
        Assert.Contains("delivery E1 has no approved invoice", notComplete, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        var contract = await early.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("early", 0m), (contract.GetProperty("termination").GetProperty("kind").GetString(), contract.GetProperty("termination").GetProperty("guaranteeCalled").GetDecimal()));
        Assert.Equal(["accepted", "cancelled"], contract.GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("status").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/contracts/{contractId}/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s2.GetAsync($"/api/contracts/{contractId}/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s1.GetAsync($"/api/contracts/{contractId}/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officerB.GetAsync($"/api/contracts/{contractId}/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/contracts/{contractId}/account")).StatusCode);
        var account = await auditor.GetFromJsonAsync<JsonElement>($"/api/contracts/{contractId}/account");
        Assert.Equal((865_000m, 400_000m, 400_000m), (account.GetProperty("value").GetDecimal(), account.GetProperty("scheduled").GetDecimal(), account.GetProperty("accepted").GetDecimal()));

        var record = await anonymous.GetStringAsync($"/api/ocds/records/ocds-cnmx01-{id}");
        OcdsAssert.Valid(Validator.ValidateRecordPackage(record), "record after the early termination");
        Assert.Contains("Terminación anticipada", JsonDocument.Parse(record).RootElement.GetProperty("records")[0].GetProperty("compiledRelease").GetProperty("contracts")[0]
            .GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advance_IsOrderedAtSignature_AmortisedFromEachInvoice_TheLastTakesTheRest_AndARescissionCallsItsGuarantee()
    {
        using var officer = await _host.ClientAsync("officerA");
        using var s1 = await _host.ClientAsync("s1");
        using var s2 = await _host.ClientAsync("s2");
        using var treasury = await _host.TreasuryClientAsync();
        using var anonymous = _host.Client();
        var id = await PortalFlow.AwardedProcedureAsync(officer, s1, s2, _time);
        var start = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).AddDays(1);
        var terms = new { startDate = start, endDate = start.AddDays(59) };

        var noGuarantee = await officer.PostAsJsonAsync($"/api/procedures/{id}/contracts", new { terms.startDate, terms.endDate, advancePercent = 30m });
        var shortGuarantee = await officer.PostAsJsonAsync($"/api/procedures/{id}/contracts",
            new { terms.startDate, terms.endDate, advancePercent = 30m, advancePaymentGuarantee = new { type = "fianza", amount = 100_000m } });
        var tooMuch = await officer.PostAsJsonAsync($"/api/procedures/{id}/contracts",
            new { terms.startDate, terms.endDate, advancePercent = 60m, advancePaymentGuarantee = new { type = "fianza", amount = 865_000m } });
        Assert.True((await PortalFlow.ProblemAsync(noGuarantee, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("advancePercent", out _));
        Assert.Contains("259500.00", (await PortalFlow.ProblemAsync(shortGuarantee, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("advancePaymentGuarantee.amount")[0].GetString(),
            StringComparison.Ordinal);
        Assert.True((await PortalFlow.ProblemAsync(tooMuch, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("advancePercent", out _));

        var contractId = await PortalFlow.SignedContractAsync(officer, s2, id,
            new { terms.startDate, terms.endDate, advancePercent = 30m, advancePaymentGuarantee = new { type = "fianza", amount = 259_500m } });
        var signed = await officer.GetFromJsonAsync<JsonElement>($"/api/contracts/{contractId}");
        var advanceOrder = Assert.Single(signed.GetProperty("paymentOrders").EnumerateArray());
        Assert.Equal(($"{contractId}-OPA", "anticipo", 259_500m), (advanceOrder.GetProperty("id").GetString(), advanceOrder.GetProperty("invoiceId").GetString(), advanceOrder.GetProperty("amount").GetDecimal()));
        foreach (var (delivery, amount) in new[] { ("Primera entrega", 400_000m), ("Segunda entrega", 465_000m) })
        {
            Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries", new { description = delivery, dueDate = start.AddDays(30), amount })).StatusCode);
        }

        _time.Advance(TimeSpan.FromDays(2));
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var paidAdvance = await treasury.PostAsJsonAsync("/api/interconnection/payments",
            new { contractId, reference = $"{contractId}-OPA", amount = 259_500m, paidAt = _time.GetUtcNow().AddMinutes(-1), idempotencyKey = $"adv-{contractId}" });
        Assert.Equal(HttpStatusCode.Created, paidAdvance.StatusCode);
        var orders = new List<JsonElement>();
        foreach (var (delivery, folio) in new[] { ("E1", "A0000000-0000-0000-0000-000000000001"), ("E2", "A0000000-0000-0000-0000-000000000002") })
        {
            Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/{delivery}/accept", new { receivedOn = today })).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await s2.PostAsJsonAsync($"/api/contracts/{contractId}/invoices", new { folio, deliveryIds = new[] { delivery }, issuedOn = today })).StatusCode);
            var approved = await officer.PostAsync($"/api/contracts/{contractId}/invoices/F{orders.Count + 1}/approve", null);
            orders.Add((await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentOrders").EnumerateArray().Last());
        }

        // 30% of 400,000 from the first; the rest of the advance (259,500 − 120,000) from the last.
        Assert.Equal([(120_000m, 280_000m), (139_500m, 325_500m)], orders.Select(o => (o.GetProperty("amortisation").GetDecimal(), o.GetProperty("amount").GetDecimal())));
        Assert.Equal([$"{contractId}-OP1", $"{contractId}-OP2"], orders.Select(o => o.GetProperty("id").GetString()));
        var account = await s2.GetFromJsonAsync<JsonElement>($"/api/contracts/{contractId}/account");
        Assert.Equal((259_500m, 259_500m, 865_000m, 259_500m), (account.GetProperty("advance").GetDecimal(), account.GetProperty("advanceAmortised").GetDecimal(),
            account.GetProperty("ordered").GetDecimal(), account.GetProperty("paid").GetDecimal()));
        var record = await anonymous.GetStringAsync($"/api/ocds/records/ocds-cnmx01-{id}");
        OcdsAssert.Valid(Validator.ValidateRecordPackage(record), "record with an advance");
        Assert.Contains("(anticipo)", record, StringComparison.Ordinal);

        // A rescission now: the advance was paid (259,500) and amortised in full, so its guarantee answers for nothing.
        var rescinded = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/termination",
            new { kind = "rescission", reason = "Incumplimiento de las condiciones de entrega pactadas (prueba).", guaranteeAmount = 0m });
        Assert.Equal(0m, (await rescinded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("termination").GetProperty("advanceGuaranteeCalled").GetDecimal());
    }

    [Fact]
    public async Task Rescission_CallsTheAdvanceGuarantee_ForTheAdvancePaidAndNotAmortised()
    {
        using var officer = await _host.ClientAsync("officerA");
        using var s1 = await _host.ClientAsync("s1");
        using var s2 = await _host.ClientAsync("s2");
        using var treasury = await _host.TreasuryClientAsync();
        var id = await PortalFlow.AwardedProcedureAsync(officer, s1, s2, _time);
        var start = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).AddDays(1);
        var contractId = await PortalFlow.SignedContractAsync(officer, s2, id,
            new { startDate = start, endDate = start.AddDays(59), advancePercent = 20m, advancePaymentGuarantee = new { type = "fianza", amount = 173_000m } });
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries", new { description = "Primera entrega", dueDate = start.AddDays(10), amount = 300_000m })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries", new { description = "Segunda entrega", dueDate = start.AddDays(40), amount = 565_000m })).StatusCode);
        _time.Advance(TimeSpan.FromDays(3));
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        Assert.Equal(HttpStatusCode.Created, (await treasury.PostAsJsonAsync("/api/interconnection/payments",
            new { contractId, reference = $"{contractId}-OPA", amount = 173_000m, paidAt = _time.GetUtcNow().AddMinutes(-1), idempotencyKey = $"adv-{contractId}" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E1/accept", new { receivedOn = today })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await s2.PostAsJsonAsync($"/api/contracts/{contractId}/invoices", new { folio = "B0000000-0000-0000-0000-000000000001", deliveryIds = new[] { "E1" }, issuedOn = today })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/contracts/{contractId}/invoices/F1/approve", null)).StatusCode);

        var rescinded = await officer.PostAsJsonAsync($"/api/contracts/{contractId}/termination",
            new { kind = "rescission", reason = "El proveedor abandonó la segunda entrega sin causa justificada." });
        var termination = (await rescinded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("termination");
        Assert.Equal((86_500m, 113_000m), (termination.GetProperty("guaranteeCalled").GetDecimal(), termination.GetProperty("advanceGuaranteeCalled").GetDecimal())); // 173,000 − 20% of 300,000
        Assert.Contains("113000.00", await _host.Client().GetStringAsync($"/documentos/{contractId}-terminacion/1"), StringComparison.Ordinal);
    }
}

/// <summary>Execution on the embedded default: one process, one SQLite file.</summary>
public sealed class ExecutionOnSqliteTests : ExecutionTests
{
    protected override bool OnPostgres => false;
}

/// <summary>Execution on PostgreSQL.</summary>
public sealed class ExecutionOnPostgresTests : ExecutionTests
{
    protected override bool OnPostgres => true;
}
