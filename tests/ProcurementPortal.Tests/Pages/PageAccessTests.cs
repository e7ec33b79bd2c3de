using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CompraNet.ProcurementPortal.Features.Plans;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Tests.Features;
using CompraNet.ProcurementPortal.Tests.Infrastructure;

namespace CompraNet.ProcurementPortal.Tests.Pages;

/// <summary>
/// Who may open which page: the officials' and suppliers' folders need their sign-in; every action re-checks the
/// unit through the services; no page shows a draft or another unit's internal timeline to anyone else.
/// </summary>
[Trait("Category", "Integration")]
public abstract class PageAccessTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;

    protected abstract bool OnPostgres { get; }

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync(postgres: OnPostgres);
        await _host.SeedAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/oficial")]
    [InlineData("/oficial/procedimientos/nuevo")]
    [InlineData("/proveedor")]
    public async Task Anonymous_OpeningASignedInPage_IsSentToSignIn(string path)
    {
        using var anonymous = PageClient.Anonymous(_host);

        var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/ingresar?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Supplier_OpeningTheOfficialsPages_IsDenied()
    {
        using var supplier = await PageClient.SignedInAsync(_host, "s1");

        var home = await supplier.GetAsync("/oficial");
        var form = await supplier.GetAsync("/oficial/procedimientos/nuevo");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/acceso-denegado", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/acceso-denegado", form.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Official_OpeningTheSuppliersPage_IsDenied()
    {
        using var officer = await PageClient.SignedInAsync(_host, "officerA");

        var response = await officer.GetAsync("/proveedor");

        Assert.StartsWith("/acceso-denegado", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficerOfAnotherUnit_OpeningOrActingOnADraft_GetsNotFound()
    {
        using var api = await _host.ClientAsync("officerA");
        var planId = await PortalFlow.PublishedPlanAsync(api, 2_000_000m);
        var id = (await PortalFlow.CreateProcedureAsync(api, PortalFlow.ProcedureBody(planId))).GetProperty("procedure").GetProperty("id").GetString()!;
        using var officerA = await PageClient.SignedInAsync(_host, "officerA");
        using var officerB = await PageClient.SignedInAsync(_host, "officerB");

        var manage = await officerB.GetAsync($"/oficial/procedimientos/{id}");
        var edit = await officerB.GetAsync($"/oficial/procedimientos/{id}/editar");
        var publicPage = await officerB.GetAsync($"/procedimientos/{id}");
        var publish = await officerB.PostFormAsync("/oficial", [new("ConfirmPublish", "true")], $"/oficial/procedimientos/{id}?handler=Publish");
        var own = await officerA.GetPageAsync($"/oficial/procedimientos/{id}");

        Assert.Equal(HttpStatusCode.NotFound, manage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, publicPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, publish.StatusCode);
        Assert.Contains("data-status=\"draft\"", own, StringComparison.Ordinal);
        Assert.Contains("data-action=\"created\"", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficerOfAnotherUnit_PostingTheFormWithAnotherUnitsPlanLine_IsRefusedByTheService()
    {
        using var api = await _host.ClientAsync("officerA");
        var planId = await PortalFlow.PublishedPlanAsync(api, 2_000_000m);
        using var officerB = await PageClient.SignedInAsync(_host, "officerB");

        var response = await officerB.PostFormAsync("/oficial/procedimientos/nuevo",
        [
            new("Form.PlanLine", $"{planId}#1"), new("Form.Type", "open-national"), new("Form.Title", "Compra ajena"),
            new("Form.Description", "Intento de usar el programa de otra unidad."), new("Form.Category", "goods"), new("Form.EstimatedAmount", "1000"),
        ]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(PageClient.FieldError(html, "planId"));
        Assert.Empty(await _host.Service<ProcedureStore>().ListForUnitAsync("UC-B"));
    }

    [Fact]
    public async Task Post_WithoutTheAntiforgeryToken_IsRejected()
    {
        using var officer = await PageClient.SignedInAsync(_host, "officerA");

        var response = await officer.PostWithoutTokenAsync("/oficial/planes/nuevo", [new("FiscalYear", DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _host.Service<PlanStore>().ListAsync("UC-A", includeDrafts: true));
    }

    [Fact]
    public async Task PublicPages_ShowNeitherDraftsNorInternalSteps()
    {
        using var api = await _host.ClientAsync("officerA");
        var planId = await PortalFlow.PublishedPlanAsync(api, 2_000_000m);
        var draft = (await PortalFlow.CreateProcedureAsync(api, PortalFlow.ProcedureBody(planId, amount: 500_000m))).GetProperty("procedure").GetProperty("id").GetString()!;
        var published = (await PortalFlow.CreateProcedureAsync(api, PortalFlow.ProcedureBody(planId, amount: 500_000m))).GetProperty("procedure").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/procedures/{published}/publish", null)).StatusCode);
        using var apiB = await _host.ClientAsync("officerB");
        var draftPlan = (await (await apiB.PostAsJsonAsync("/api/plans", new { fiscalYear = DateTime.UtcNow.Year })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var anonymous = PageClient.Anonymous(_host);
        using var officerA = await PageClient.SignedInAsync(_host, "officerA");
        using var officerB = await PageClient.SignedInAsync(_host, "officerB");

        var search = await anonymous.GetPageAsync("/?q=medicamentos");
        var draftPage = await anonymous.GetAsync($"/procedimientos/{draft}");
        var publicPage = await anonymous.GetPageAsync($"/procedimientos/{published}");
        var otherUnitsView = await officerB.GetPageAsync($"/procedimientos/{published}");
        var otherUnitsManage = await officerB.GetAsync($"/oficial/procedimientos/{published}");
        var plans = await anonymous.GetPageAsync("/planes");
        var draftPlanPage = await anonymous.GetAsync($"/planes/{draftPlan}");
        var otherUnitsDraftPlan = await officerA.GetAsync($"/oficial/planes/{draftPlan}");

        Assert.Contains(published, search, StringComparison.Ordinal);
        Assert.DoesNotContain(draft, search, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, draftPage.StatusCode);
        Assert.Contains("data-action=\"published\"", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"created\"", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"created\"", otherUnitsView, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, otherUnitsManage.StatusCode);
        Assert.Equal($"/procedimientos/{published}", otherUnitsManage.Headers.Location!.OriginalString);
        Assert.Contains(planId, plans, StringComparison.Ordinal);
        Assert.DoesNotContain(draftPlan, plans, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, draftPlanPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherUnitsDraftPlan.StatusCode);
    }

    [Fact]
    public async Task OfficerWithoutAUnit_SeesWhyOnTheOfficialsHome()
    {
        using var lone = await PageClient.SignedInAsync(_host, "loneOfficer");

        var html = await lone.GetPageAsync("/oficial");

        Assert.Contains("id=\"no-unit\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"new-plan\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supplier_SeesItsInvitationsOpenCallsAndQuestions_AndTheOfficialAnswersOnTheManagePage()
    {
        using var api = await _host.ClientAsync("officerA");
        var planId = await PortalFlow.PublishedPlanAsync(api, 1_000_000m, 1_000_000m);
        var restricted = (await PortalFlow.CreateProcedureAsync(api, PortalFlow.ProcedureBody(planId, type: "restricted", amount: 500_000m, invited: ["s1", "s2", "s3"])))
            .GetProperty("procedure").GetProperty("id").GetString()!;
        var open = (await PortalFlow.CreateProcedureAsync(api, PortalFlow.ProcedureBody(planId, line: 2, amount: 500_000m))).GetProperty("procedure").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/procedures/{restricted}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/procedures/{open}/publish", null)).StatusCode);
        using var s1 = await PageClient.SignedInAsync(_host, "s1");
        using var s4 = await PageClient.SignedInAsync(_host, "s4");
        using var officer = await PageClient.SignedInAsync(_host, "officerA");
        var tooShort = await s1.PostFormAsync($"/procedimientos/{restricted}", [new("NewQuestion", "¿?")], $"/procedimientos/{restricted}?handler=Ask");
        var asked = await s1.PostFormAsync($"/procedimientos/{restricted}", [new("NewQuestion", "¿El servicio incluye los fines de semana?")], $"/procedimientos/{restricted}?handler=Ask");

        var s1Before = await s1.GetPageAsync("/proveedor");
        var s4Home = await s4.GetPageAsync("/proveedor");
        var manage = $"/oficial/procedimientos/{restricted}";
        var emptyAnswer = await officer.PostFormAsync(manage, [new("Answer", "")], $"{manage}?handler=Answer&number=1");
        var emptyAnswerHtml = await emptyAnswer.Content.ReadAsStringAsync();
        var answered = await officer.PostFormAsync(manage, [new("Answer", "Sí, los siete días de la semana.")], $"{manage}?handler=Answer&number=1");
        var s1After = await s1.GetPageAsync("/proveedor");

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("Escriba la pregunta (5 a 4000 caracteres).", WebUtility.HtmlDecode(await tooShort.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains($"data-procedure-id=\"{restricted}\"", Section(s1Before, "invitations"), StringComparison.Ordinal);
        Assert.Contains($"data-procedure-id=\"{open}\"", Section(s1Before, "open-calls"), StringComparison.Ordinal);
        Assert.DoesNotContain(restricted, Section(s1Before, "open-calls"), StringComparison.Ordinal);
        Assert.Contains("data-answered=\"false\"", Section(s1Before, "my-questions"), StringComparison.Ordinal);
        Assert.DoesNotContain(restricted, Section(s4Home, "invitations"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, emptyAnswer.StatusCode);
        Assert.NotNull(PageClient.FieldError(emptyAnswerHtml, "answer-1.answer"));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains("data-answered=\"true\"", Section(s1After, "my-questions"), StringComparison.Ordinal);
        Assert.Contains("Sí, los siete días de la semana.", WebUtility.HtmlDecode(s1After), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Official_CreatesAddsALineAndPublishesAPlanThroughThePages()
    {
        using var officer = await PageClient.SignedInAsync(_host, "officerA");
        var year = DateTime.UtcNow.Year;

        var created = await officer.PostFormAsync("/oficial/planes/nuevo", [new("FiscalYear", year.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var plan = created.Headers.Location!.OriginalString;
        var badKey = await officer.PostFormAsync(plan, [new("BudgetKey", "253"), new("Description", "Guantes"), new("Cucop", "25300001"),
            new("EstimatedAmount", "250000"), new("Currency", "MXN"), new("PlannedMethod", "open-national"), new("PlannedStart", $"{year}-11")], $"{plan}?handler=AddLine");
        var badKeyHtml = await badKey.Content.ReadAsStringAsync();
        var badAmount = await officer.PostFormAsync(plan, [new("BudgetKey", "25301"), new("Description", "Guantes"), new("Cucop", "25300001"),
            new("EstimatedAmount", "mucho"), new("Currency", "MXN"), new("PlannedMethod", "open-national"), new("PlannedStart", $"{year}-11")], $"{plan}?handler=AddLine");
        var badAmountHtml = await badAmount.Content.ReadAsStringAsync();
        var line = await officer.PostFormAsync(plan, [new("BudgetKey", "25301"), new("Description", "Guantes de nitrilo"), new("Cucop", "25300001"),
            new("EstimatedAmount", "250000"), new("Currency", "MXN"), new("PlannedMethod", "open-national"), new("PlannedStart", $"{year}-11")], $"{plan}?handler=AddLine");
        var published = await officer.PostFormAsync(plan, [new("ConfirmPublish", "true")], $"{plan}?handler=Publish");
        var page = await officer.GetPageAsync(plan);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal($"/oficial/planes/PAAAS-UC-A-{year}", plan);
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Equal("La partida presupuestal tiene 5 dígitos, p. ej. 25301.", PageClient.FieldError(badKeyHtml, "budgetKey"));
        Assert.Equal("Guantes", PageClient.InputValue(badKeyHtml, "Description"));
        Assert.Equal(HttpStatusCode.BadRequest, badAmount.StatusCode);
        Assert.Equal("Escriba un número, con punto decimal.", PageClient.FieldError(badAmountHtml, "estimatedAmount"));
        Assert.Equal("mucho", PageClient.InputValue(badAmountHtml, "EstimatedAmount"));
        Assert.Equal(HttpStatusCode.Redirect, line.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("data-status=\"published\"", page, StringComparison.Ordinal);
        Assert.Contains($"/oficial/procedimientos/nuevo?plan=PAAAS-UC-A-{year}&amp;linea=1", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"line-form\"", page, StringComparison.Ordinal);
    }

    /// <summary>The HTML of the page's section with that id.</summary>
    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}

/// <summary>The pages on embedded SQLite.</summary>
public sealed class PageAccessOnSqliteTests : PageAccessTests
{
    protected override bool OnPostgres => false;
}

/// <summary>The pages on PostgreSQL (the lists and searches they read run their SQL there too).</summary>
public sealed class PageAccessOnPostgresTests : PageAccessTests
{
    protected override bool OnPostgres => true;
}
