using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CompraNet.ProcurementPortal.Tests.Features;
using CompraNet.ProcurementPortal.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CompraNet.ProcurementPortal.Tests.Pages;

/// <summary>
/// A signed contract's execution through the pages, on a fake clock: the official schedules a delivery (a bad one is
/// refused next to its fields), the supplier reports it, the official accepts it late (days late and penalty shown);
/// the supplier invoices (a bad folio refused next to the field, a returned invoice shows its reason to the supplier
/// only), the official approves, the supplier sees the payment order with its due date, the treasury pays it and it
/// shows paid; the public reads the delivery, the order and the payment but no folio; the contract ends completed.
/// Another supplier finds no contract page; the supplier's public record counts it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ExecutionPageTests : IAsyncLifetime
{
    private const string Folio = "6F9619FF-8B86-D011-B42D-00C04FC964FF";
    private const string ReturnedFolio = "11111111-2222-3333-4444-555555555555";
    private const string ReturnReason = "El RFC del receptor no es el de la unidad compradora.";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private PortalTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["CompraNet:Auth:TokenLifetime"] = "60.00:00:00",
            ["CompraNet:Interconnection:ClientTokenLifetime"] = "200.00:00:00",
        }, time: _time);
        await _host.SeedAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Execution_ScheduledReportedAcceptedLateInvoicedApprovedAndPaid_ThroughThePages()
    {
        using var treasury = await _host.TreasuryClientAsync(); // before the fake clock moves: tokens are checked against it
        using var api = await _host.ClientAsync("officerA");
        using var s1Api = await _host.ClientAsync("s1");
        using var s2Api = await _host.ClientAsync("s2");
        var id = await PortalFlow.AwardedProcedureAsync(api, s1Api, s2Api, _time);
        var start = Today().AddDays(1);
        var contractId = await PortalFlow.SignedContractAsync(api, s2Api, id, new { startDate = start, endDate = start.AddDays(89), penaltyPercentPerDay = 0.5m });
        _time.Advance(TimeSpan.FromDays(8)); // before signing in on the pages: their sessions last 8 hours on the fake clock
        using var officer = await PageClient.SignedInAsync(_host, "officerA");
        using var supplier = await PageClient.SignedInAsync(_host, "s2");
        using var otherSupplier = await PageClient.SignedInAsync(_host, "s1");
        using var anonymous = PageClient.Anonymous(_host);
        var officialPage = $"/oficial/contratos/{contractId}";
        var supplierPage = $"/proveedor/contratos/{contractId}";

        var empty = await officer.GetPageAsync(officialPage);
        var bad = await officer.PostFormAsync(officialPage, Schedule("x", Day(start.AddDays(200)), "2000000"), $"{officialPage}?handler=Schedule");
        var badHtml = await bad.Content.ReadAsStringAsync();
        var unreadable = await officer.PostFormAsync(officialPage, Schedule("Primera entrega", Day(start.AddDays(5)), "mucho"), $"{officialPage}?handler=Schedule");
        var unreadableHtml = await unreadable.Content.ReadAsStringAsync();
        var scheduled = await officer.PostFormAsync(officialPage, Schedule("Primera entrega: 5,000 cajas de paracetamol", Day(start.AddDays(5)), "400000"), $"{officialPage}?handler=Schedule");
        var afterSchedule = await officer.GetPageAsync(officialPage);

        Assert.Contains("id=\"ejecucion\"", empty, StringComparison.Ordinal);
        Assert.Contains("id=\"no-deliveries\"", empty, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("Describa qué se entrega (5 a 500 caracteres).", PageClient.FieldError(badHtml, "schedule.description"));
        Assert.Equal($"Indique la fecha pactada, dentro de la vigencia del contrato ({Day(start)} a {Day(start.AddDays(89))}).", PageClient.FieldError(badHtml, "schedule.dueDate"));
        Assert.Equal("Las entregas juntas no pueden exceder el monto del contrato (865000.00 MXN): quedan 865000.00 por programar.", PageClient.FieldError(badHtml, "schedule.amount"));
        Assert.Equal("2000000", PageClient.InputValue(badHtml, "Schedule.Amount"));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal("Escriba un número, con punto decimal.", PageClient.FieldError(unreadableHtml, "schedule.amount"));
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        Assert.Equal(officialPage, scheduled.Headers.Location?.OriginalString);
        Assert.Contains("data-delivery-id=\"E1\" data-status=\"scheduled\"", afterSchedule, StringComparison.Ordinal);
        Assert.Contains("465,000.00 MXN", WebUtility.HtmlDecode(afterSchedule), StringComparison.Ordinal);

        // Delivered a day late, received two days late.
        var otherGet = await otherSupplier.GetAsync(supplierPage);
        var otherReport = await otherSupplier.PostFormAsync("/proveedor", Report(Day(start.AddDays(6))), $"{supplierPage}?handler=Report&deliveryId=E1");
        var toReport = await supplier.GetPageAsync(supplierPage);
        var future = await supplier.PostFormAsync(supplierPage, Report(Day(Today().AddDays(3))), $"{supplierPage}?handler=Report&deliveryId=E1");
        var futureHtml = await future.Content.ReadAsStringAsync();
        var reported = await supplier.PostFormAsync(supplierPage, Report(Day(start.AddDays(6))), $"{supplierPage}?handler=Report&deliveryId=E1");
        var toDecide = await officer.GetPageAsync(officialPage);
        var beforeReport = await officer.PostFormAsync(officialPage, Accept(Day(start.AddDays(4))), $"{officialPage}?handler=Accept&deliveryId=E1");
        var beforeReportHtml = await beforeReport.Content.ReadAsStringAsync();
        var accepted = await officer.PostFormAsync(officialPage, Accept(Day(start.AddDays(7))), $"{officialPage}?handler=Accept&deliveryId=E1");
        var afterAccept = WebUtility.HtmlDecode(await officer.GetPageAsync(officialPage));


        Assert.Equal(HttpStatusCode.NotFound, otherGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherReport.StatusCode);
        Assert.Contains("id=\"report-E1\"", toReport, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal($"Indique el día en que entregó: del inicio del contrato ({Day(start)}) a hoy.", PageClient.FieldError(futureHtml, "report[E1].deliveredOn"));
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        Assert.Contains("data-delivery-id=\"E1\" data-status=\"reported\"", toDecide, StringComparison.Ordinal);
        Assert.Contains("id=\"accept-E1\"", toDecide, StringComparison.Ordinal);
        Assert.Contains("id=\"reject-E1\"", toDecide, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, beforeReport.StatusCode);
        Assert.Equal($"Indique el día en que la unidad la recibió completa: del {Day(start.AddDays(6))} a hoy.", PageClient.FieldError(beforeReportHtml, "accept[E1].receivedOn"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("data-delivery-id=\"E1\" data-status=\"accepted\" data-days-late=\"2\" data-penalty=\"4000.00\"", afterAccept, StringComparison.Ordinal);
        Assert.Contains("4,000.00 MXN", afterAccept, StringComparison.Ordinal);
        Assert.Contains($"/documentos/{contractId}-E1-acta/1", afterAccept, StringComparison.Ordinal);

        // The supplier invoices: a bad folio, a returned invoice, then the good one, approved into a payment order.
        var toInvoice = await supplier.GetPageAsync(supplierPage);
        var badFolio = await supplier.PostFormAsync(supplierPage, Invoice("A-123", "E1"), $"{supplierPage}?handler=Invoice");
        var badFolioHtml = await badFolio.Content.ReadAsStringAsync();
        var returnedInvoice = await supplier.PostFormAsync(supplierPage, Invoice(ReturnedFolio, "E1"), $"{supplierPage}?handler=Invoice");
        var shortReason = await officer.PostFormAsync(officialPage, [new("Refusal.Reason", "mal")], $"{officialPage}?handler=RejectInvoice&invoiceId=F1");
        var shortReasonHtml = await shortReason.Content.ReadAsStringAsync();
        var returned = await officer.PostFormAsync(officialPage, [new("Refusal.Reason", ReturnReason)], $"{officialPage}?handler=RejectInvoice&invoiceId=F1");
        var invoiced = await supplier.PostFormAsync(supplierPage, Invoice(Folio, "E1"), $"{supplierPage}?handler=Invoice");
        var toApprove = await officer.GetPageAsync(officialPage);
        var approved = await officer.PostFormAsync(officialPage, [], $"{officialPage}?handler=ApproveInvoice&invoiceId=F2");
        var approvedAgain = await officer.PostFormAsync(officialPage, [], $"{officialPage}?handler=ApproveInvoice&invoiceId=F2");
        var approvedAgainHtml = await approvedAgain.Content.ReadAsStringAsync();
        var due = Day(Today().AddDays(20));
        var toBePaid = WebUtility.HtmlDecode(await supplier.GetPageAsync(supplierPage));
        var home = WebUtility.HtmlDecode(await supplier.GetPageAsync("/proveedor"));

        Assert.Contains("name=\"Invoice.DeliveryIds\" value=\"E1\"", toInvoice, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badFolio.StatusCode);
        Assert.Equal("Indique el folio fiscal de la factura (el UUID del CFDI, 36 caracteres: 8-4-4-4-12 hexadecimales).", PageClient.FieldError(badFolioHtml, "invoice.folio"));
        Assert.Equal("A-123", PageClient.InputValue(badFolioHtml, "Invoice.Folio"));
        Assert.Equal(HttpStatusCode.Redirect, returnedInvoice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, shortReason.StatusCode);
        Assert.Equal("Indique el motivo (10 a 2,000 caracteres).", PageClient.FieldError(shortReasonHtml, "invoice[F1].reason"));
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, invoiced.StatusCode);
        Assert.Contains("data-invoice-id=\"F2\" data-status=\"submitted\"", toApprove, StringComparison.Ordinal);
        Assert.Contains("id=\"approve-F2\"", toApprove, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, approvedAgain.StatusCode);
        Assert.Equal("La factura F2 ya está resuelta.", PageClient.FieldError(approvedAgainHtml, "invoice[F2]"));
        Assert.Contains(ReturnReason, toBePaid, StringComparison.Ordinal);
        Assert.Contains($"data-order-id=\"{contractId}-OP1\" data-status=\"due\" data-due=\"{due}\"", toBePaid, StringComparison.Ordinal);
        Assert.Contains("396,000.00 MXN", toBePaid, StringComparison.Ordinal);
        Assert.Contains("id=\"next-payment\"", toBePaid, StringComparison.Ordinal);
        Assert.Contains(due, home, StringComparison.Ordinal);

        // The treasury pays the order; the supplier's page and the public page show it paid; the contract ends completed.
        var paid = await treasury.PostAsJsonAsync("/api/interconnection/payments",
            new { contractId, reference = $"{contractId}-OP1", amount = 396_000m, paidAt = _time.GetUtcNow().AddHours(-1), idempotencyKey = $"tesofe-{contractId}-1" });
        var afterPayment = await supplier.GetPageAsync(supplierPage);
        var publicPage = WebUtility.HtmlDecode(await anonymous.GetPageAsync($"/procedimientos/{id}"));
        var acceptanceRecord = await anonymous.GetAsync($"/documentos/{contractId}-E1-acta/1");
        var noKind = await officer.PostFormAsync(officialPage, Terminate("", "Cumplimiento total del contrato."), $"{officialPage}?handler=Terminate");
        var noKindHtml = await noKind.Content.ReadAsStringAsync();
        var completed = await officer.PostFormAsync(officialPage, Terminate("completed", "Cumplimiento total del contrato."), $"{officialPage}?handler=Terminate");
        var ended = await officer.GetPageAsync(officialPage);
        var publicEnded = WebUtility.HtmlDecode(await anonymous.GetPageAsync($"/procedimientos/{id}"));

        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        Assert.Contains($"data-order-id=\"{contractId}-OP1\" data-status=\"paid\"", afterPayment, StringComparison.Ordinal);
        Assert.Contains("id=\"ejecucion\"", publicPage, StringComparison.Ordinal);
        Assert.Contains("data-delivery-id=\"E1\" data-status=\"accepted\" data-days-late=\"2\" data-penalty=\"4000.00\"", publicPage, StringComparison.Ordinal);
        Assert.Contains($"data-order-id=\"{contractId}-OP1\" data-status=\"paid\" data-due=\"{due}\"", publicPage, StringComparison.Ordinal);
        Assert.Contains($"<tr data-reference=\"{contractId}-OP1\">", publicPage, StringComparison.Ordinal);
        Assert.Contains("396,000.00 MXN", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain(Folio, publicPage, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ReturnedFolio, publicPage, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ReturnReason, publicPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/proveedores/s2\"", publicPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, acceptanceRecord.StatusCode);
        Assert.Contains("2 días de atraso", await acceptanceRecord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noKind.StatusCode);
        Assert.Equal("Elija la forma de terminación.", PageClient.FieldError(noKindHtml, "termination.kind"));
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        Assert.Contains("data-status=\"terminated\"", ended, StringComparison.Ordinal);
        Assert.Contains("id=\"termination\" data-kind=\"completed\"", ended, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"termination-form\"", ended, StringComparison.Ordinal);
        Assert.Contains($"/documentos/{contractId}-finiquito/1", publicEnded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PenaltyCapReached_PageSaysTheUnitMayRescind_RescissionCallsTheGuarantee()
    {
        using var api = await _host.ClientAsync("officerA");
        using var s1Api = await _host.ClientAsync("s1");
        using var s2Api = await _host.ClientAsync("s2");
        var id = await PortalFlow.AwardedProcedureAsync(api, s1Api, s2Api, _time);
        var start = Today().AddDays(1);
        var contractId = await PortalFlow.SignedContractAsync(api, s2Api, id,
            new { startDate = start, endDate = start.AddDays(89), performanceGuarantee = new { type = "fianza", amount = 1_000m } });
        var scheduled = await api.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries", new { description = "Entrega única de medicamentos", dueDate = start.AddDays(1), amount = 100_000m });
        _time.Advance(TimeSpan.FromDays(8));
        var reported = await s2Api.PostAsJsonAsync($"/api/contracts/{contractId}/deliveries/E1/report", new { deliveredOn = start.AddDays(6) });
        using var officer = await PageClient.SignedInAsync(_host, "officerA");
        using var anonymous = PageClient.Anonymous(_host);
        var officialPage = $"/oficial/contratos/{contractId}";
        var reason = "Incumplimiento reiterado de los plazos de entrega pactados en el contrato.";

        var accepted = await officer.PostFormAsync(officialPage, Accept(Day(start.AddDays(6))), $"{officialPage}?handler=Accept&deliveryId=E1");
        var capped = WebUtility.HtmlDecode(await officer.GetPageAsync(officialPage));
        var overGuarantee = await officer.PostFormAsync(officialPage, [new("Termination.Kind", "rescission"), new("Termination.Reason", reason), new("Termination.GuaranteeAmount", "5000")],
            $"{officialPage}?handler=Terminate");
        var overGuaranteeHtml = await overGuarantee.Content.ReadAsStringAsync();
        var rescinded = await officer.PostFormAsync(officialPage, Terminate("rescission", reason), $"{officialPage}?handler=Terminate");
        var publicPage = WebUtility.HtmlDecode(await anonymous.GetPageAsync($"/procedimientos/{id}"));
        var record = WebUtility.HtmlDecode(await anonymous.GetPageAsync("/proveedores/s2"));

        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("data-delivery-id=\"E1\" data-status=\"accepted\" data-days-late=\"5\" data-penalty=\"1000.00\"", capped, StringComparison.Ordinal);
        Assert.Contains("id=\"penalty-cap-reached\"", capped, StringComparison.Ordinal);
        Assert.Contains("la unidad puede rescindir el contrato (art. 54 LAASSP)", capped, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, overGuarantee.StatusCode);
        Assert.Equal("El monto de la garantía de cumplimiento a hacer efectiva va de 0 a 1000.00.", PageClient.FieldError(overGuaranteeHtml, "termination.guaranteeAmount"));
        Assert.Equal(HttpStatusCode.Redirect, rescinded.StatusCode);
        Assert.Contains("id=\"termination\" data-kind=\"rescission\"", publicPage, StringComparison.Ordinal);
        Assert.Contains("1,000.00 MXN", publicPage, StringComparison.Ordinal);
        Assert.Contains($"/documentos/{contractId}-terminacion/1", publicPage, StringComparison.Ordinal);
        Assert.Contains("id=\"ejecucion\" data-status=\"terminated\"", publicPage, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge termination-rescission\">1</span>", record, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"guarantees-called\">1,000.00 MXN</dd>", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupplierPage_ShowsTheRecord_UnknownSupplierIsNotFound()
    {
        using var api = await _host.ClientAsync("officerA");
        using var s1Api = await _host.ClientAsync("s1");
        using var s2Api = await _host.ClientAsync("s2");
        var id = await PortalFlow.AwardedProcedureAsync(api, s1Api, s2Api, _time);
        var start = Today().AddDays(1);
        await PortalFlow.SignedContractAsync(api, s2Api, id, new { startDate = start, endDate = start.AddDays(89) });
        using var anonymous = PageClient.Anonymous(_host);

        var page = WebUtility.HtmlDecode(await anonymous.GetPageAsync("/proveedores/s2"));
        var nobody = await anonymous.GetAsync("/proveedores/nobody");

        Assert.Contains("<h1 id=\"supplier-name\">Proveedor 2 S.A. de C.V.</h1>", page, StringComparison.Ordinal);
        Assert.Contains("PRO020101AB2", page, StringComparison.Ordinal);
        Assert.Contains("id=\"supplier-sme\"", page, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"contracts-won\">1</dd>", page, StringComparison.Ordinal);
        Assert.Contains("865,000.00 MXN", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/procedimientos/{id}\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
    }

    private DateOnly Today() => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<KeyValuePair<string, string>> Schedule(string description, string dueDate, string amount) =>
        [new("Schedule.Kind", "delivery"), new("Schedule.Description", description), new("Schedule.DueDate", dueDate), new("Schedule.Amount", amount)];

    private static List<KeyValuePair<string, string>> Report(string deliveredOn) => [new("Report.DeliveredOn", deliveredOn), new("Report.Note", "Remisión 4411")];

    private static List<KeyValuePair<string, string>> Accept(string receivedOn) => [new("Accept.ReceivedOn", receivedOn), new("Accept.Note", "")];

    private List<KeyValuePair<string, string>> Invoice(string folio, string deliveryId) =>
        [new("Invoice.Folio", folio), new("Invoice.DeliveryIds", deliveryId), new("Invoice.IssuedOn", Day(Today()))];

    private static List<KeyValuePair<string, string>> Terminate(string kind, string reason) =>
        [new("Termination.Kind", kind), new("Termination.Reason", reason), new("Termination.GuaranteeAmount", "")];
}
