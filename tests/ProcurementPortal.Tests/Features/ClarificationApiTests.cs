using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CompraNet.ProcurementPortal.Tests.Infrastructure;

namespace CompraNet.ProcurementPortal.Tests.Features;

/// <summary>Suppliers ask, the unit answers, every answer is public at once (without who asked) and versions the clarifications document.</summary>
[Trait("Category", "Integration")]
public sealed class ClarificationApiTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync();
        await _host.SeedAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AskAndAnswer_AnswerIsPublicWithoutTheAsker_AndEachAnswerIsANewDocumentVersion()
    {
        using var officer = await _host.ClientAsync("officerA");
        using var s1 = await _host.ClientAsync("s1");
        using var s2 = await _host.ClientAsync("s2");
        using var anonymous = _host.Client();
        var id = await PublishedAsync(officer, PortalFlow.ProcedureBody(await PortalFlow.PublishedPlanAsync(officer, 2_000_000m)));

        var first = await s1.PostAsJsonAsync($"/api/procedures/{id}/questions", new { question = "¿Se aceptan presentaciones de 24 tabletas?" });
        var second = await s2.PostAsJsonAsync($"/api/procedures/{id}/questions", new { question = "¿Las entregas incluyen maniobras de descarga?" });
        var publicBefore = await anonymous.GetFromJsonAsync<JsonElement>($"/api/procedures/{id}/questions");
        var s2Before = await s2.GetFromJsonAsync<JsonElement>($"/api/procedures/{id}/questions");
        var officerBefore = await officer.GetFromJsonAsync<JsonElement>($"/api/procedures/{id}/questions");
        var answered1 = await officer.PostAsJsonAsync($"/api/procedures/{id}/questions/1/answer", new { answer = "No: sólo cajas con 20 tabletas." });
        var answered2 = await officer.PostAsJsonAsync($"/api/procedures/{id}/questions/2/answer", new { answer = "Sí, a cargo del proveedor." });
        var again = await officer.PostAsJsonAsync($"/api/procedures/{id}/questions/2/answer", new { answer = "Otra respuesta" });
        var publicAfter = await anonymous.GetFromJsonAsync<JsonElement>($"/api/procedures/{id}/questions");
        var documents = await anonymous.GetFromJsonAsync<JsonElement>($"/api/procedures/{id}/documents");
        var record = await anonymous.GetFromJsonAsync<JsonElement>($"/api/ocds/records/ocds-cnmx01-{id}");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Empty(publicBefore.EnumerateArray());
        Assert.Equal("s2", Assert.Single(s2Before.EnumerateArray()).GetProperty("supplierId").GetString());
        Assert.Equal(2, officerBefore.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, answered1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered2.StatusCode);
        Assert.Equal("not-answerable", (await PortalFlow.ProblemAsync(again, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.All(publicAfter.EnumerateArray(), q => Assert.False(q.TryGetProperty("supplierId", out var asker) && asker.ValueKind != JsonValueKind.Null));
        Assert.Equal(2, publicAfter.GetArrayLength());
        var clarifications = documents.EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "clarifications");
        Assert.Equal([1, 2], clarifications.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        var tags = record.GetProperty("records")[0].GetProperty("releases").EnumerateArray().Select(r => r.GetProperty("tag")[0].GetString());
        Assert.Equal(["planning", "tender", "tenderUpdate", "tenderUpdate"], tags);
        Assert.DoesNotContain("s1", record.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_ByAnOfficialOrAnUninvitedSupplier_IsForbidden_AndBadInputIsRefused()
    {
        using var officer = await _host.ClientAsync("officerA");
        using var s1 = await _host.ClientAsync("s1");
        using var s5 = await _host.ClientAsync("s5");
        var planId = await PortalFlow.PublishedPlanAsync(officer, 2_000_000m);
        var id = await PublishedAsync(officer, PortalFlow.ProcedureBody(planId, type: "restricted", invited: ["s1", "s2", "s3"]));

        var byOfficer = await officer.PostAsJsonAsync($"/api/procedures/{id}/questions", new { question = "¿Pregunta del oficial?" });
        var uninvited = await s5.PostAsJsonAsync($"/api/procedures/{id}/questions", new { question = "¿Puedo participar?" });
        var empty = await s1.PostAsJsonAsync($"/api/procedures/{id}/questions", new { question = " " });
        var anonymous = await _host.Client().PostAsJsonAsync($"/api/procedures/{id}/questions", new { question = "¿Quién soy?" });
        var othersAnswer = await (await _host.ClientAsync("officerB")).PostAsJsonAsync($"/api/procedures/{id}/questions/1/answer", new { answer = "No" });

        await PortalFlow.ProblemAsync(byOfficer, HttpStatusCode.Forbidden);
        await PortalFlow.ProblemAsync(uninvited, HttpStatusCode.Forbidden);
        Assert.True((await PortalFlow.ProblemAsync(empty, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("question", out _));
        await PortalFlow.ProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        await PortalFlow.ProblemAsync(othersAnswer, HttpStatusCode.Forbidden);
    }

    private static async Task<string> PublishedAsync(HttpClient officer, object body)
    {
        var id = (await PortalFlow.CreateProcedureAsync(officer, body)).GetProperty("procedure").GetProperty("id").GetString()!;
        var published = await officer.PostAsync($"/api/procedures/{id}/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        return id;
    }
}
