using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CompraNet.ProcurementPortal.Tests.Features;
using CompraNet.ProcurementPortal.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CompraNet.ProcurementPortal.Tests.Pages;

/// <summary>
/// The contract through the pages, from an award reached on a fake clock: the official draws it up on the manage page
/// and signs it on its page (a stale SHA-256 refused), the awarded supplier signs it on its own, the public page then
/// shows it in effect; an amendment over 20% is refused next to its field without the exception and, with it, is
/// flagged publicly once both sign. Another unit's official and another supplier find no contract page.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ContractPageTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private PortalTestHost _host = null!;

    public async Task InitializeAsync()
    {
        // Bearer tokens are checked against the real clock: a long lifetime and issued before the fake clock moves.
        _host = await PortalTestHost.StartAsync(settings: new Dictionary<string, string?> { ["CompraNet:Auth:TokenLifetime"] = "60.00:00:00" }, time: _time);
        await _host.SeedAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Contract_DrawnUpSignedAndAmended_ThroughThePages_PublicPageShowsItInEffect()
    {
        var id = await AwardedProcedureAsync();
        using var officer = await PageClient.SignedInAsync(_host, "officerA");
        using var otherOfficer = await PageClient.SignedInAsync(_host, "officerB");
        using var winner = await PageClient.SignedInAsync(_host, "s2");
        using var loser = await PageClient.SignedInAsync(_host, "s1");
        using var anonymous = PageClient.Anonymous(_host);
        var manage = $"/oficial/procedimientos/{id}";
        var contractId = $"{id}-C1";
        var officialPage = $"/oficial/contratos/{contractId}";
        var supplierPage = $"/proveedor/contratos/{contractId}";
        var start = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).AddDays(1);

        var form = await officer.GetPageAsync(manage);
        var noDates = await officer.PostFormAsync(manage, Contract("", "", ""), $"{manage}?handler=Contract");
        var noDatesHtml = await noDates.Content.ReadAsStringAsync();
        var drawn = await officer.PostFormAsync(manage, Contract(Day(start), Day(start.AddDays(99)), ""), $"{manage}?handler=Contract");
        var otherUnitGet = await otherOfficer.GetAsync(officialPage);
        var otherUnitSign = await otherOfficer.PostFormAsync("/oficial", [new("Sha256", new string('0', 64))], $"{officialPage}?handler=Sign");
        var loserGet = await loser.GetAsync(supplierPage);
        var pending = await officer.GetPageAsync(officialPage);
        var sha = PageClient.InputValue(pending, "Sha256")!;
        var stale = await officer.PostFormAsync(officialPage, [new("Sha256", new string('a', 64))], $"{officialPage}?handler=Sign");
        var staleHtml = await stale.Content.ReadAsStringAsync();
        var officerSigned = await officer.PostFormAsync(officialPage, [new("Sha256", sha)], $"{officialPage}?handler=Sign");
        var publicHalfSigned = await anonymous.GetPageAsync($"/procedimientos/{id}");
        var supplierHomePending = await winner.GetPageAsync("/proveedor");
        var supplierReads = await winner.GetPageAsync(supplierPage);
        var supplierSigned = await winner.PostFormAsync(supplierPage, [new("Sha256", PageClient.InputValue(supplierReads, "Sha256")!)], $"{supplierPage}?handler=Sign");
        var publicSigned = WebUtility.HtmlDecode(await anonymous.GetPageAsync($"/procedimientos/{id}"));
        var supplierHomeActive = await winner.GetPageAsync("/proveedor");

        Assert.Contains("id=\"contract-form\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noDates.StatusCode);
        Assert.Equal("Indique la fecha de inicio: el día del fallo o después.", PageClient.FieldError(noDatesHtml, "contract.startDate"));
        Assert.Equal(HttpStatusCode.Redirect, drawn.StatusCode);
        Assert.Equal(officialPage, drawn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, otherUnitGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherUnitSign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, loserGet.StatusCode);
        Assert.Matches("^[0-9a-f]{64}$", sha);
        Assert.Contains(sha, pending, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Equal($"Ese no es el texto de la versión actual (1, SHA-256 {sha}): léala y firme de nuevo.", PageClient.FieldError(staleHtml, "sign"));
        Assert.Equal(HttpStatusCode.Redirect, officerSigned.StatusCode);
        Assert.DoesNotContain("id=\"contract\"", publicHalfSigned, StringComparison.Ordinal);
        Assert.Contains($"data-contract-id=\"{contractId}\" data-status=\"pending\"", supplierHomePending, StringComparison.Ordinal);
        Assert.Contains("awaits-signature", supplierHomePending, StringComparison.Ordinal);
        Assert.Contains("data-party=\"buyer\"", supplierReads, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, supplierSigned.StatusCode);
        Assert.Contains("id=\"contract\" data-status=\"active\" data-exception=\"false\"", publicSigned, StringComparison.Ordinal);
        Assert.Contains("865,000.00 MXN", publicSigned, StringComparison.Ordinal);
        Assert.Contains(sha, publicSigned, StringComparison.Ordinal);
        Assert.Contains($"data-contract-id=\"{contractId}\" data-status=\"active\"", supplierHomeActive, StringComparison.Ordinal);
        Assert.DoesNotContain("awaits-signature", supplierHomeActive, StringComparison.Ordinal);

        var reason = "Ampliación de entregas por la demanda estacional.";
        var overLimit = await officer.PostFormAsync(officialPage, Amendment(reason, "1100000", exception: null), $"{officialPage}?handler=Amend");
        var overLimitHtml = await overLimit.Content.ReadAsStringAsync();
        var withException = await officer.PostFormAsync(officialPage,
            Amendment(reason, "1100000", exception: "Caso fortuito: la emergencia sanitaria obliga a ampliar las entregas más allá del límite."), $"{officialPage}?handler=Amend");
        var amendmentPage = await officer.GetPageAsync(officialPage);
        await SignCurrentAsync(officer, officialPage);
        await SignCurrentAsync(winner, supplierPage);
        var diff = WebUtility.HtmlDecode(await winner.GetPageAsync($"{supplierPage}?diff=2"));
        var publicAmended = WebUtility.HtmlDecode(await anonymous.GetPageAsync($"/procedimientos/{id}"));

        Assert.Equal(HttpStatusCode.BadRequest, overLimit.StatusCode);
        Assert.Equal("Los convenios juntos pueden aumentar el monto original (865000.00) a lo más un 20% (hasta 1038000.00); más allá, invoque la excepción de ley con una justificación.",
            PageClient.FieldError(overLimitHtml, "amendment.value"));
        Assert.Equal(HttpStatusCode.Redirect, withException.StatusCode);
        Assert.Contains("data-version=\"2\" data-effective=\"false\" data-exception=\"true\"", amendmentPage, StringComparison.Ordinal);
        Assert.Contains("data-field=\"value\"", diff, StringComparison.Ordinal);
        Assert.Contains("id=\"contract\" data-status=\"active\" data-exception=\"true\"", publicAmended, StringComparison.Ordinal);
        Assert.Contains("id=\"contract-exception\"", publicAmended, StringComparison.Ordinal);
        Assert.Contains("1,100,000.00 MXN", publicAmended, StringComparison.Ordinal);
        Assert.Contains(reason, publicAmended, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmendmentForm_ChangesItemQuantities_ValueFollows_AndAnItemBeyondTwentyPercentIsRefusedOnItsRow()
    {
        using var api = await _host.ClientAsync("officerA"); // before the fake clock moves: tokens are checked against it
        using var s2 = await _host.ClientAsync("s2");
        var id = await AwardedProcedureAsync();
        var start = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).AddDays(1);
        var contractId = await PortalFlow.SignedContractAsync(api, s2, id, new { startDate = start, endDate = start.AddDays(99) });
        using var officer = await PageClient.SignedInAsync(_host, "officerA");
        var page = $"/oficial/contratos/{contractId}";
        const string reason = "Amoxicilina adicional por el brote de infecciones respiratorias.";

        var form = await officer.GetPageAsync(page);
        var unreadable = await officer.PostFormAsync(page,
            [new("Amendment.Reason", reason), new("Amendment.Value", ""), new("Amendment.EndDate", ""), new("Amendment.Quantities[1]", "mil")], $"{page}?handler=Amend");
        var beyond = await officer.PostFormAsync(page,
            [new("Amendment.Reason", reason), new("Amendment.Value", ""), new("Amendment.EndDate", ""), new("Amendment.Quantities[2]", "6100")], $"{page}?handler=Amend");
        var beyondHtml = await beyond.Content.ReadAsStringAsync();
        var within = await officer.PostFormAsync(page,
            [new("Amendment.Reason", reason), new("Amendment.Value", ""), new("Amendment.EndDate", ""), new("Amendment.Quantities[2]", "5500")], $"{page}?handler=Amend");
        var amended = WebUtility.HtmlDecode(await officer.GetPageAsync(page));

        Assert.Contains("id=\"Amendment_Quantity_2\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.NotNull(PageClient.FieldError(await unreadable.Content.ReadAsStringAsync(), "amendment.items[0].quantity"));
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.Equal("Los convenios juntos pueden aumentar la cantidad original de la partida 2 (5000) a lo más un 20% (hasta 6000); más allá, invoque la excepción de ley con una justificación.",
            PageClient.FieldError(beyondHtml, "amendment.items[1].quantity"));
        Assert.Equal(HttpStatusCode.Redirect, within.StatusCode);
        Assert.Contains("data-version=\"2\" data-effective=\"false\"", amended, StringComparison.Ordinal);
        Assert.Contains("890,500.00 MXN", amended, StringComparison.Ordinal); // 865,000 + 500 × 51
    }

    [Fact]
    public async Task ContractForm_TakesTheAdvanceAndTheDailyPenalty_WithTheirErrorsInSpanish()
    {
        var id = await AwardedProcedureAsync();
        using var officer = await PageClient.SignedInAsync(_host, "officerA");
        var manage = $"/oficial/procedimientos/{id}";
        var start = Day(DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).AddDays(1));
        var end = Day(DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).AddDays(60));
        List<KeyValuePair<string, string>> Form(string advance, string penalty, string advanceAmount) =>
        [
            new("ContractForm.StartDate", start), new("ContractForm.EndDate", end), new("ContractForm.PerformanceType", "fianza"), new("ContractForm.PerformanceAmount", ""),
            new("ContractForm.AdvanceType", advanceAmount == "" ? "" : "fianza"), new("ContractForm.AdvanceAmount", advanceAmount),
            new("ContractForm.AdvancePercent", advance), new("ContractForm.PenaltyPercentPerDay", penalty),
        ];

        var bad = await officer.PostFormAsync(manage, Form("60", "9", ""), $"{manage}?handler=Contract");
        var badHtml = await bad.Content.ReadAsStringAsync();
        var drawn = await officer.PostFormAsync(manage, Form("30", "0.5", "259500"), $"{manage}?handler=Contract");
        var contract = WebUtility.HtmlDecode(await officer.GetPageAsync(drawn.Headers.Location!.OriginalString));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("El anticipo es de 0% a 50% del monto, con a lo más dos decimales.", PageClient.FieldError(badHtml, "contract.advancePercent"));
        Assert.Equal("La pena convencional diaria es mayor que 0% y a lo más 5% del valor de la entrega atrasada, con a lo más dos decimales.",
            PageClient.FieldError(badHtml, "contract.penaltyPercentPerDay"));
        Assert.Equal(HttpStatusCode.Redirect, drawn.StatusCode);
        Assert.Contains("Anticipo: 30% del monto (259500.00 MXN)", await _host.Client().GetStringAsync($"/documentos/{id}-C1-contrato/1"), StringComparison.Ordinal);
        Assert.Contains("0.5% del valor de la entrega atrasada", await _host.Client().GetStringAsync($"/documentos/{id}-C1-contrato/1"), StringComparison.Ordinal);
        Assert.Contains(id, contract, StringComparison.Ordinal);
    }

    private static async Task SignCurrentAsync(PageClient signer, string page)
    {
        var sha = PageClient.InputValue(await signer.GetPageAsync(page), "Sha256")!;
        var response = await signer.PostFormAsync(page, [new("Sha256", sha)], $"{page}?handler=Sign");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>An open tender awarded to s2 (865,000.00 MXN) over the API, 16 days later on the fake clock.</summary>
    private async Task<string> AwardedProcedureAsync()
    {
        using var api = await _host.ClientAsync("officerA");
        using var s1 = await _host.ClientAsync("s1");
        using var s2 = await _host.ClientAsync("s2");
        var planId = await PortalFlow.PublishedPlanAsync(api, 3_000_000m);
        var id = (await PortalFlow.CreateProcedureAsync(api, PortalFlow.ProcedureBody(planId, auction: false))).GetProperty("procedure").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/procedures/{id}/publish", null)).StatusCode);
        await OfferAsync(s1, id, 60m, 50m);
        await OfferAsync(s2, id, 61m, 51m);
        _time.Advance(TimeSpan.FromDays(16));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/procedures/{id}/opening", null)).StatusCode);
        var evaluated = await api.PostAsJsonAsync($"/api/procedures/{id}/evaluation", new
        {
            offers = new object[] { new { supplierId = "s1", admissible = false, reasons = "La garantía ofrecida no cubre el periodo pedido." }, new { supplierId = "s2", admissible = true } },
        });
        Assert.Equal(HttpStatusCode.OK, evaluated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/procedures/{id}/award", new { })).StatusCode);
        return id;
    }

    private static async Task OfferAsync(HttpClient supplier, string procedureId, decimal price1, decimal price2)
    {
        var response = await supplier.PostAsJsonAsync($"/api/procedures/{procedureId}/offers", new
        {
            offerId = Guid.NewGuid(),
            items = new[] { new { itemId = "1", unitPrice = price1 }, new { itemId = "2", unitPrice = price2 } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static List<KeyValuePair<string, string>> Contract(string start, string end, string performanceAmount) =>
    [
        new("ContractForm.StartDate", start), new("ContractForm.EndDate", end),
        new("ContractForm.PerformanceType", "fianza"), new("ContractForm.PerformanceAmount", performanceAmount),
        new("ContractForm.AdvanceType", ""), new("ContractForm.AdvanceAmount", ""),
    ];

    private static List<KeyValuePair<string, string>> Amendment(string reason, string value, string? exception)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Amendment.Reason", reason), new("Amendment.Value", value), new("Amendment.EndDate", "") };
        if (exception is not null)
        {
            fields.Add(new("Amendment.Exception", "true"));
            fields.Add(new("Amendment.Justification", exception));
        }

        return fields;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
