using System.Globalization;
using System.Net;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Tests.Features;
using CompraNet.ProcurementPortal.Tests.Infrastructure;

namespace CompraNet.ProcurementPortal.Tests.Pages;

/// <summary>
/// The officials' procedure form over plain HTTP (no scripts): refused input comes back as 400 with each message
/// next to its field and what was typed kept; rows are added by posting; a saved draft shows the service's warnings;
/// publication refused by the rules shows why.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ProcedureFormPageTests : IAsyncLifetime
{
    private const string NewForm = "/oficial/procedimientos/nuevo";

    private PortalTestHost _host = null!;
    private PageClient _officer = null!;
    private string _planId = null!;

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync();
        await _host.SeedAsync();
        using var api = await _host.ClientAsync("officerA");
        _planId = await PortalFlow.PublishedPlanAsync(api, 1_000_000m);
        _officer = await PageClient.SignedInAsync(_host, "officerA");
    }

    public async Task DisposeAsync()
    {
        _officer.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Post_MissingTitleBadCucopAndPastDeadline_Returns400WithEachMessageNextToItsField()
    {
        var form = ValidForm();
        form["Form.Title"] = "";
        form["Form.Items[1].Cucop"] = "12AB";
        form["Form.SubmissionDeadline"] = Local(DateTimeOffset.UtcNow.AddDays(-1));

        var response = await _officer.PostFormAsync(NewForm, form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Requerido.", PageClient.FieldError(html, "title"));
        Assert.Contains("CUCOP", PageClient.FieldError(html, "items[1].cucop"), StringComparison.Ordinal);
        Assert.Contains("ya pasó", PageClient.FieldError(html, "timetable.submissionDeadline"), StringComparison.Ordinal);
        Assert.Null(PageClient.FieldError(html, "items[0].cucop"));
        Assert.Equal("12AB", PageClient.InputValue(html, "Form.Items[1].Cucop"));
        Assert.Equal("Amoxicilina 500 mg, caja con 12 cápsulas", PageClient.InputValue(html, "Form.Items[1].Description"));
        Assert.Contains("id=\"form-errors\"", html, StringComparison.Ordinal);
        Assert.Empty(await _host.Service<ProcedureStore>().ListForUnitAsync("UC-A"));
    }

    [Fact]
    public async Task Post_BrokenServiceRules_Returns400WithTheServicesMessagesOnTheirRowsAndKeepsTheChoices()
    {
        var form = ValidForm();
        form["Form.Type"] = "restricted";
        form["Form.Items[1].Quantity"] = "0";
        form["Form.InvitedSuppliers"] = "s2";
        form["Form.LegalGround"] = "emergency";

        var response = await _officer.PostFormAsync(NewForm, form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("La cantidad debe ser mayor que cero.", PageClient.FieldError(html, "items[1].quantity"));
        Assert.Contains("al menos a tres", PageClient.FieldError(html, "invitedSuppliers"), StringComparison.Ordinal);
        Assert.Equal("Escriba la justificación (al menos 30 caracteres).", PageClient.FieldError(html, "justification"));
        Assert.Matches("""value="s2" checked""", html);
        Assert.Matches("""<option[^>]*value="emergency"[^>]*selected|<option[^>]*selected[^>]*value="emergency">""", html);
        Assert.Empty(await _host.Service<ProcedureStore>().ListForUnitAsync("UC-A"));
    }

    [Fact]
    public async Task Post_InEnglish_ShowsTheLabelsAndMessagesInEnglish()
    {
        await _officer.PostFormAsync("/", [new("lang", "en"), new("returnUrl", "/")], "/Idioma");
        var form = ValidForm();
        form["Form.Items[0].Quantity"] = "0";

        var response = await _officer.PostFormAsync(NewForm, form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The quantity must be more than zero.", PageClient.FieldError(html, "items[0].quantity"));
        Assert.Contains("Not saved: fix what is marked.", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Item 1 · Quantity:</strong>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AddItem_ShowsTheFormAgainWithOneMoreRowAndNothingSaved()
    {
        var form = ValidForm();
        form["addItem"] = "1";

        var response = await _officer.PostFormAsync(NewForm, form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3", PageClient.InputValue(html, "Form.Items[2].Id"));
        Assert.Equal("", PageClient.InputValue(html, "Form.Items[2].Description"));
        Assert.Equal("25300002", PageClient.InputValue(html, "Form.Items[1].Cucop"));
        Assert.DoesNotContain("field-error", html, StringComparison.Ordinal);
        Assert.Empty(await _host.Service<ProcedureStore>().ListForUnitAsync("UC-A"));
    }

    [Fact]
    public async Task Post_RemoveItem_DropsThatRow()
    {
        var form = ValidForm();
        form["removeItem"] = "0";

        var response = await _officer.PostFormAsync(NewForm, form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", PageClient.InputValue(html, "Form.Items[0].Id"));
        Assert.Null(PageClient.InputValue(html, "Form.Items[1].Id"));
    }

    [Fact]
    public async Task Post_ValidForm_SavesTheDraftWithBlankRowsDropped_AndItIsPublishedOnlyWhenConfirmed()
    {
        var form = ValidForm();
        form["Form.Items[2].Id"] = "3";
        form["Form.Items[2].Description"] = "";

        var saved = await _officer.PostFormAsync(NewForm, form);
        var id = saved.Headers.Location!.OriginalString.Split('/')[^1];
        var manage = $"/oficial/procedimientos/{id}";
        var draftPage = await _officer.GetPageAsync(manage);
        var unconfirmed = await _officer.PostFormAsync(manage, [], $"{manage}?handler=Publish");
        var unconfirmedHtml = await unconfirmed.Content.ReadAsStringAsync();
        var published = await _officer.PostFormAsync(manage, [new("ConfirmPublish", "true")], $"{manage}?handler=Publish");
        using var anonymous = PageClient.Anonymous(_host);
        var publicPage = await anonymous.GetPageAsync($"/procedimientos/{id}");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.StartsWith("LPN-UC-A-", id, StringComparison.Ordinal);
        Assert.Contains($"Borrador {id} creado.", draftPage, StringComparison.Ordinal);
        Assert.Contains("data-status=\"draft\"", draftPage, StringComparison.Ordinal);
        var procedure = await _host.Service<ProcedureStore>().FindAsync(id);
        Assert.Equal(["1", "2"], procedure!.Items.Select(i => i.Id));
        Assert.Equal(new AuctionPlan(30, 0.5m, 2, 2), procedure.Auction);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.NotNull(PageClient.FieldError(unconfirmedHtml, "publish.confirm"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains($"{id}-convocatoria", publicPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_DeadlineTooSoonForAnOpenTender_Returns400SayingWhy()
    {
        var form = ValidForm();
        form["Form.ClarificationMeeting"] = "";
        form["Form.SubmissionDeadline"] = Local(DateTimeOffset.UtcNow.AddDays(3));
        form["Form.Opening"] = Local(DateTimeOffset.UtcNow.AddDays(3).AddHours(1));
        var saved = await _officer.PostFormAsync(NewForm, form);
        var manage = saved.Headers.Location!.OriginalString;

        var refused = await _officer.PostFormAsync(manage, [new("ConfirmPublish", "true")], $"{manage}?handler=Publish");
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("data-key=\"timetable.submissionDeadline\"", html, StringComparison.Ordinal);
        Assert.Contains("al menos 10 día(s)", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_RestrictedInvitationOverTheUnitsCap_ShowsTheServicesWarning()
    {
        var form = ValidForm();
        form.Remove("Form.HasAuction");
        form["Form.Type"] = "restricted";
        form["Form.LegalGround"] = "emergency";
        form["Form.Justification"] = "Desabasto por la contingencia sanitaria declarada en la región; plazos de licitación insuficientes.";
        var invited = new[] { "s1", "s2", "s3" }.Select(s => new KeyValuePair<string, string>("Form.InvitedSuppliers", s));

        var saved = await _officer.PostFormAsync(NewForm, form.Concat(invited));
        var html = await _officer.GetPageAsync(saved.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("id=\"warnings\"", html, StringComparison.Ordinal);
        Assert.Contains("comprometen ahora 80% del programa", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_Draft_ShowsItsValuesAndSavesTheChange()
    {
        var saved = await _officer.PostFormAsync(NewForm, ValidForm());
        var manage = saved.Headers.Location!.OriginalString;
        var edit = $"{manage}/editar";
        var before = await _officer.GetPageAsync(edit);
        var form = ValidForm();
        form["Form.Title"] = "Guantes y cubrebocas para unidades de primer nivel";

        var changed = await _officer.PostFormAsync(edit, form);
        var after = await _officer.GetPageAsync(manage);

        Assert.Equal("Adquisición de material de curación", PageClient.InputValue(before, "Form.Title"));
        Assert.Equal("25300002", PageClient.InputValue(before, "Form.Items[1].Cucop"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(manage, changed.Headers.Location!.OriginalString);
        Assert.Contains("Guantes y cubrebocas para unidades de primer nivel", after, StringComparison.Ordinal);
        Assert.Contains("data-action=\"edited\"", after, StringComparison.Ordinal);
    }

    private Dictionary<string, string> ValidForm()
    {
        var now = DateTimeOffset.UtcNow;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Form.PlanLine"] = $"{_planId}#1",
            ["Form.Type"] = "open-national",
            ["Form.Title"] = "Adquisición de material de curación",
            ["Form.Description"] = "Material de curación para las unidades de primer nivel, entregas mensuales en almacén central.",
            ["Form.Category"] = "goods",
            ["Form.EstimatedAmount"] = "800000",
            ["Form.Items[0].Id"] = "1",
            ["Form.Items[0].Description"] = "Paracetamol 500 mg, caja con 20 tabletas",
            ["Form.Items[0].Cucop"] = "25300001",
            ["Form.Items[0].Quantity"] = "10000",
            ["Form.Items[0].Unit"] = "caja",
            ["Form.Items[1].Id"] = "2",
            ["Form.Items[1].Description"] = "Amoxicilina 500 mg, caja con 12 cápsulas",
            ["Form.Items[1].Cucop"] = "25300002",
            ["Form.Items[1].Quantity"] = "5000",
            ["Form.Items[1].Unit"] = "caja",
            ["Form.ClarificationMeeting"] = Local(now.AddDays(5)),
            ["Form.SubmissionDeadline"] = Local(now.AddDays(15)),
            ["Form.Opening"] = Local(now.AddDays(15).AddHours(1)),
            ["Form.Award"] = Local(now.AddDays(20)),
            ["Form.HasAuction"] = "true",
            ["Form.AuctionMinutes"] = "30",
            ["Form.AuctionMinStep"] = "0.5",
            ["Form.SoftCloseWindow"] = "2",
            ["Form.SoftCloseExtension"] = "2",
            ["Form.LegalGround"] = "",
            ["Form.Justification"] = "",
        };
    }

    private static string Local(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
