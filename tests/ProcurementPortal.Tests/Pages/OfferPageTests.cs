using System.Net;
using System.Text.RegularExpressions;
using CompraNet.ProcurementPortal.Tests.Features;
using CompraNet.ProcurementPortal.Tests.Infrastructure;

namespace CompraNet.ProcurementPortal.Tests.Pages;

/// <summary>
/// A supplier's sealed offer through the page, without scripts: submit (a double submit is one offer), replace,
/// withdraw, and the receipts with their state; who may not offer is told why; prices that are not prices come back
/// as 400 next to their fields. Also the hand-over from the portal's cookie to the engine's bidder page.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class OfferPageTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;
    private string _open = null!;
    private string _restricted = null!;

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync();
        await _host.SeedAsync();
        using var officer = await _host.ClientAsync("officerA");
        var planId = await PortalFlow.PublishedPlanAsync(officer, 3_000_000m, 1_000_000m);
        _open = await PublishedAsync(officer, PortalFlow.ProcedureBody(planId));
        _restricted = await PublishedAsync(officer, PortalFlow.ProcedureBody(planId, line: 2, type: "restricted", amount: 900_000m, invited: ["s1", "s2", "s3"], auction: false));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Supplier_SubmitsTwiceReplacesAndWithdraws_AndSeesEachReceiptsState()
    {
        using var supplier = await PageClient.SignedInAsync(_host, "s1");
        var page = Page(_open);
        var form = await supplier.GetPageAsync(page);
        var offerId = PageClient.InputValue(form, "Form.OfferId")!;

        var first = await supplier.PostFormAsync(page, Offer(offerId, "60", "50"));
        var again = await supplier.PostFormAsync(page, Offer(offerId, "60", "50"));
        var afterFirst = WebUtility.HtmlDecode(await supplier.GetPageAsync(page));
        var replacement = PageClient.InputValue(afterFirst, "Form.OfferId")!;
        var replaced = await supplier.PostFormAsync(page, Offer(replacement, "59", "49"));
        var afterReplace = await supplier.GetPageAsync(page);
        var withdrawn = await supplier.PostFormAsync(page, [], $"{page}?handler=Withdraw&offerId={replacement}");
        var afterWithdraw = WebUtility.HtmlDecode(await supplier.GetPageAsync(page));
        var home = await supplier.GetPageAsync("/proveedor");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.NotEqual(offerId, replacement);
        Assert.Matches("Proposición recibida y sellada el .* SHA-256: [0-9a-f]{64}", afterFirst);
        Assert.Equal(["live"], States(afterFirst));
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        Assert.Equal(["live", "replaced"], States(afterReplace));
        Assert.Contains("id=\"replaces\"", afterReplace, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(["withdrawn", "replaced"], States(afterWithdraw));
        Assert.Contains("Proposición retirada", afterWithdraw, StringComparison.Ordinal);
        Assert.Equal(2, HashCells().Matches(afterWithdraw).Count);
        Assert.Contains($"data-procedure-id=\"{_open}\"", Section(home, "my-offers"), StringComparison.Ordinal);
        Assert.Contains("data-state=\"withdrawn\"", Section(home, "my-offers"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_PricesThatAreNotPricesAndABadHash_Returns400WithEachMessageNextToItsField()
    {
        using var supplier = await PageClient.SignedInAsync(_host, "s2");
        var page = Page(_open);
        var offerId = PageClient.InputValue(await supplier.GetPageAsync(page), "Form.OfferId")!;
        var fields = Offer(offerId, "abc", "0");
        fields.RemoveAll(f => f.Key.StartsWith("Form.Documents", StringComparison.Ordinal));
        fields.Add(new("Form.Documents[0].Name", "Registro sanitario"));
        fields.Add(new("Form.Documents[0].Sha256", "xyz"));

        var response = await supplier.PostFormAsync(page, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Escriba un número, con punto decimal.", PageClient.FieldError(html, "items[0].unitPrice"));
        Assert.Equal("Escriba un precio unitario para el bien 2 (mayor que cero, hasta cuatro decimales).", PageClient.FieldError(html, "items[1].unitPrice"));
        Assert.Contains("SHA-256", PageClient.FieldError(html, "documents[0]"), StringComparison.Ordinal);
        Assert.Equal("abc", PageClient.InputValue(html, "Form.Items[0].UnitPrice"));
        Assert.Equal(offerId, PageClient.InputValue(html, "Form.OfferId"));
        Assert.Contains("id=\"no-receipts\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UninvitedSupplierAndOfficial_CannotOffer_AndAreToldWhy()
    {
        using var uninvited = await PageClient.SignedInAsync(_host, "s4");
        using var official = await PageClient.SignedInAsync(_host, "officerA");
        var page = Page(_restricted);

        var shown = WebUtility.HtmlDecode(await uninvited.GetPageAsync(page));
        var posted = await uninvited.PostFormAsync(page, Offer(Guid.NewGuid().ToString(), "60", "50"));
        var postedHtml = await posted.Content.ReadAsStringAsync();
        var publicPage = WebUtility.HtmlDecode(await uninvited.GetPageAsync($"/procedimientos/{_restricted}"));
        var byOfficial = await official.GetAsync(page);

        Assert.Contains("Sólo los proveedores invitados presentan proposiciones a esta convocatoria.", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"offer-form\"", shown, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal("Sólo los proveedores invitados presentan proposiciones a esta convocatoria.", PageClient.FieldError(postedHtml, "offer"));
        Assert.Contains("Esta convocatoria no le recibe proposiciones ahora", publicPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, byOfficial.StatusCode);
        Assert.StartsWith("/acceso-denegado", byOfficial.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subasta_ForASupplier_StoresAnEngineSessionAndGoesToTheBidderPage_NotCached()
    {
        using var supplier = await PageClient.SignedInAsync(_host, "s1");
        using var anonymous = PageClient.Anonymous(_host);

        var response = await supplier.GetAsync("/subasta/LPN-UC-A-2026-001");
        var html = await response.Content.ReadAsStringAsync();
        var signedOut = await anonymous.GetAsync("/subasta/LPN-UC-A-2026-001");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        Assert.Contains("sessionStorage.setItem(\"compranet.session\"", html, StringComparison.Ordinal);
        Assert.Matches("\"accessToken\":\"[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\"", html);
        Assert.Contains("\"subject\":\"s1\",\"role\":\"supplier\"", html, StringComparison.Ordinal);
        Assert.Contains("location.replace(\"/bidder.html?auction=\" + encodeURIComponent(\"LPN-UC-A-2026-001\"))", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/ingresar", signedOut.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static string Page(string id) => $"/proveedor/procedimientos/{id}/oferta";

    private static List<KeyValuePair<string, string>> Offer(string offerId, string price1, string price2) =>
    [
        new("Form.OfferId", offerId),
        new("Form.Items[0].ItemId", "1"),
        new("Form.Items[0].UnitPrice", price1),
        new("Form.Items[1].ItemId", "2"),
        new("Form.Items[1].UnitPrice", price2),
        new("Form.TechnicalProposal", "Paracetamol y amoxicilina de patente, registro sanitario vigente, entregas mensuales."),
        new("Form.Documents[0].Name", ""),
        new("Form.Documents[0].Sha256", ""),
    ];

    private static async Task<string> PublishedAsync(HttpClient officer, object body)
    {
        var id = (await PortalFlow.CreateProcedureAsync(officer, body)).GetProperty("procedure").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/procedures/{id}/publish", null)).StatusCode);
        return id;
    }

    private static string[] States(string html) => [.. ReceiptState().Matches(Section(html, "receipts")).Select(m => m.Groups[1].Value)];

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no #{id}");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [GeneratedRegex("<tr data-offer-id=\"[^\"]+\" data-state=\"(\\w+)\"")]
    private static partial Regex ReceiptState();

    [GeneratedRegex("<td class=\"mono hash\">[0-9a-f]{64}</td>")]
    private static partial Regex HashCells();
}
