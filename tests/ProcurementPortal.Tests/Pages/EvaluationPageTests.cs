using System.Globalization;
using System.Net;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Tests.Features;
using CompraNet.ProcurementPortal.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CompraNet.ProcurementPortal.Tests.Pages;

/// <summary>
/// From the offers to the award through the pages, on a fake clock: the market research form, sealed offers that no
/// page shows before the opening, the opening (refused before the deadline), the evaluation (refused without reasons
/// or without a decision on a flagged price) and the award; the public page then shows the offers, results and award.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EvaluationPageTests : IAsyncLifetime
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
    public async Task OpenEvaluateAndAward_ThroughThePages_PublicPageShowsNothingSealedBeforeAndEverythingAfter()
    {
        using var api = await _host.ClientAsync("officerA");
        using var officer = await PageClient.SignedInAsync(_host, "officerA");
        using var s1 = await PageClient.SignedInAsync(_host, "s1");
        using var s2 = await PageClient.SignedInAsync(_host, "s2");
        using var s3 = await PageClient.SignedInAsync(_host, "s3");
        using var anonymous = PageClient.Anonymous(_host);
        var planId = await PortalFlow.PublishedPlanAsync(api, 3_000_000m);
        var id = (await PortalFlow.CreateProcedureAsync(api, PortalFlow.ProcedureBody(planId, auction: false))).GetProperty("procedure").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/procedures/{id}/publish", null)).StatusCode);
        var manage = $"/oficial/procedimientos/{id}";
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

        var badResearch = await officer.PostFormAsync(manage, [
            new("Quotes[0].Source", ""), new("Quotes[0].Amount", "mucho"), new("Quotes[0].Date", Day(today.AddDays(-5))),
            new("Quotes[1].Source", "Cotización de Farmacéutica Norte"), new("Quotes[1].Amount", "880000"), new("Quotes[1].Date", Day(today.AddDays(3))),
        ], $"{manage}?handler=Research");
        var badResearchHtml = await badResearch.Content.ReadAsStringAsync();
        var research = await officer.PostFormAsync(manage, [
            new("Quotes[0].Source", "Cotización de Farmacéutica Norte"), new("Quotes[0].Amount", "880000"), new("Quotes[0].Date", Day(today.AddDays(-10))),
            new("Quotes[1].Source", "Contrato 2025 del Instituto"), new("Quotes[1].Amount", "920000"), new("Quotes[1].Date", Day(today.AddDays(-30))),
        ], $"{manage}?handler=Research");
        await SubmitAsync(s1, id, "60", "50");   // 850,000
        await SubmitAsync(s2, id, "59", "49");   // 835,000, not admissible
        await SubmitAsync(s3, id, "66", "70");   // 1,010,000: over the budget and more than 10% over the reference (900,000)
        var publicBefore = await anonymous.GetPageAsync($"/procedimientos/{id}");
        var manageBefore = await officer.GetPageAsync(manage);
        var tooEarly = await officer.PostFormAsync(manage, [new("ConfirmOpen", "true")], $"{manage}?handler=Open");
        var tooEarlyHtml = await tooEarly.Content.ReadAsStringAsync();

        _time.Advance(TimeSpan.FromDays(16));
        // The portal's cookie follows the portal's clock (8 hours): sign in again after the jump.
        using var officerLater = await PageClient.SignedInAsync(_host, "officerA");
        using var s1Later = await PageClient.SignedInAsync(_host, "s1");
        var unconfirmed = await officerLater.PostFormAsync(manage, [], $"{manage}?handler=Open");
        var opened = await officerLater.PostFormAsync(manage, [new("ConfirmOpen", "true")], $"{manage}?handler=Open");
        var evaluationForm = await officerLater.GetPageAsync(manage);
        var noReasons = await officerLater.PostFormAsync(manage, Evaluation(s2Reasons: "", s3Decision: null), $"{manage}?handler=Evaluate");
        var noReasonsHtml = await noReasons.Content.ReadAsStringAsync();
        var undecided = await officerLater.PostFormAsync(manage, Evaluation(s2Reasons: "No presentó el registro sanitario vigente.", s3Decision: null), $"{manage}?handler=Evaluate");
        var undecidedHtml = await undecided.Content.ReadAsStringAsync();
        var evaluated = await officerLater.PostFormAsync(manage, Evaluation(s2Reasons: "No presentó el registro sanitario vigente.", s3Decision: "Precio sobre el presupuesto autorizado; se desecha."), $"{manage}?handler=Evaluate");
        var awardForm = await officerLater.GetPageAsync(manage);
        var awarded = await officerLater.PostFormAsync(manage, [new("AwardSupplier", "s1"), new("AwardJustification", "")], $"{manage}?handler=Award");
        var publicAfter = WebUtility.HtmlDecode(await anonymous.GetPageAsync($"/procedimientos/{id}"));
        var supplierHome = WebUtility.HtmlDecode(await s1Later.GetPageAsync("/proveedor"));

        Assert.Equal(HttpStatusCode.BadRequest, badResearch.StatusCode);
        Assert.Equal("Indique la fuente (hasta 300 caracteres).", PageClient.FieldError(badResearchHtml, "quotes[0].source"));
        Assert.Equal("Escriba un número, con punto decimal.", PageClient.FieldError(badResearchHtml, "quotes[0].amount"));
        Assert.Equal("La fecha de la cotización está dentro del último año.", PageClient.FieldError(badResearchHtml, "quotes[1].date"));
        Assert.Contains("value=\"mucho\"", badResearchHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, research.StatusCode);
        foreach (var page in new[] { publicBefore, manageBefore })
        {
            foreach (var secret in new[] { "850,000", "835,000", "1,010,000", "Proveedor 1 S.A.", "Proveedor 2 S.A.", "Proveedor 3 S.A." })
            {
                Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
            }
        }

        Assert.Contains("data-count=\"3\"", manageBefore, StringComparison.Ordinal);
        Assert.Contains("id=\"opening-waits\"", manageBefore, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Equal("Las proposiciones siguen selladas hasta la fecha límite de proposiciones.", PageClient.FieldError(tooEarlyHtml, "open"));
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Contains("id=\"evaluation-form\"", evaluationForm, StringComparison.Ordinal);
        Assert.Contains("data-flags=\"not-acceptable-over-budget not-acceptable-over-market\"", evaluationForm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noReasons.StatusCode);
        Assert.Equal("Escriba los motivos por los que la proposición no es solvente (al menos 10 caracteres).", PageClient.FieldError(noReasonsHtml, "offers[1].reasons"));
        Assert.Equal(HttpStatusCode.BadRequest, undecided.StatusCode);
        Assert.StartsWith("El precio está señalado (not-acceptable-over-budget, not-acceptable-over-market)", PageClient.FieldError(undecidedHtml, "offers[2].priceDecision"), StringComparison.Ordinal);
        Assert.Contains("No presentó el registro sanitario vigente.", WebUtility.HtmlDecode(undecidedHtml), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, evaluated.StatusCode);
        Assert.Contains("id=\"award-form\"", awardForm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, awarded.StatusCode);
        var procedure = await _host.Service<ProcedureStore>().FindAsync(id);
        Assert.Equal(ProcedureStatus.Awarded, procedure!.Status);
        Assert.Equal("s1", procedure.Award!.SupplierId);
        Assert.Contains("Proveedor 2 S.A. de C.V.", publicAfter, StringComparison.Ordinal);
        Assert.Contains("835,000.00 MXN", publicAfter, StringComparison.Ordinal);
        Assert.Contains(procedure.Opening!.Offers[0].SealedHash, publicAfter, StringComparison.Ordinal);
        Assert.Contains("data-supplier=\"s2\" data-admissible=\"false\"", publicAfter, StringComparison.Ordinal);
        Assert.Contains("No presentó el registro sanitario vigente.", publicAfter, StringComparison.Ordinal);
        Assert.Contains("data-flag=\"not-acceptable-over-budget\"", publicAfter, StringComparison.Ordinal);
        Assert.Contains("Precio desechado: Precio sobre el presupuesto autorizado; se desecha.", publicAfter, StringComparison.Ordinal);
        Assert.Contains("Adjudicado a Proveedor 1 S.A. de C.V. por 850,000.00 MXN", publicAfter, StringComparison.Ordinal);
        Assert.Contains("Ganó: 850,000.00 MXN", supplierHome, StringComparison.Ordinal);
    }

    private static async Task SubmitAsync(PageClient supplier, string id, string price1, string price2)
    {
        var page = $"/proveedor/procedimientos/{id}/oferta";
        var offerId = PageClient.InputValue(await supplier.GetPageAsync(page), "Form.OfferId")!;
        var response = await supplier.PostFormAsync(page, [
            new("Form.OfferId", offerId),
            new("Form.Items[0].ItemId", "1"), new("Form.Items[0].UnitPrice", price1),
            new("Form.Items[1].ItemId", "2"), new("Form.Items[1].UnitPrice", price2),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static List<KeyValuePair<string, string>> Evaluation(string s2Reasons, string? s3Decision)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Evaluation[0].SupplierId", "s1"), new("Evaluation[0].Admissible", "true"),
            new("Evaluation[1].SupplierId", "s2"), new("Evaluation[1].Admissible", "false"), new("Evaluation[1].Reasons", s2Reasons),
            new("Evaluation[2].SupplierId", "s3"), new("Evaluation[2].Admissible", "true"),
        };
        if (s3Decision is not null)
        {
            fields.Add(new("Evaluation[2].AcceptPrice", "false"));
            fields.Add(new("Evaluation[2].PriceDecision", s3Decision));
        }

        return fields;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
