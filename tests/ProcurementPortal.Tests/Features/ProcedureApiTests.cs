using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CompraNet.ProcurementPortal.Tests.Infrastructure;

namespace CompraNet.ProcurementPortal.Tests.Features;

/// <summary>From the annual plan to the published call over the REST API, on embedded SQLite, with its OCDS releases and documents.</summary>
[Trait("Category", "Integration")]
public sealed class ProcedureApiTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync();
        await _host.SeedAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PlanToPublishedCall_PublishesPlanningAndTenderReleases_AndTheCallIsFound()
    {
        using var officer = await _host.ClientAsync("officerA");
        using var anonymous = _host.Client();
        var planId = await PortalFlow.PublishedPlanAsync(officer, 2_000_000m, 500_000m);

        var created = await PortalFlow.CreateProcedureAsync(officer, PortalFlow.ProcedureBody(planId));
        var id = created.GetProperty("procedure").GetProperty("id").GetString()!;
        var ocid = created.GetProperty("procedure").GetProperty("ocid").GetString()!;
        var hiddenDraft = await anonymous.GetAsync($"/api/procedures/{id}");
        var published = await officer.PostAsync($"/api/procedures/{id}/publish", null);
        var found = await anonymous.GetFromJsonAsync<JsonElement>("/api/procedures?q=AMOXICILINA&type=open-national");
        var record = await anonymous.GetFromJsonAsync<JsonElement>($"/api/ocds/records/{ocid}");
        var documents = await anonymous.GetFromJsonAsync<JsonElement>($"/api/procedures/{id}/documents");

        Assert.StartsWith("LPN-UC-A-", id, StringComparison.Ordinal);
        Assert.Equal($"ocds-cnmx01-{id}", ocid);
        Assert.Equal(HttpStatusCode.NotFound, hiddenDraft.StatusCode);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(id, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        var releases = record.GetProperty("records")[0].GetProperty("releases").EnumerateArray().ToArray();
        Assert.Equal(["planning", "tender"], releases.Select(r => r.GetProperty("tag")[0].GetString()));
        var compiled = record.GetProperty("records")[0].GetProperty("compiledRelease");
        Assert.Equal("active", compiled.GetProperty("tender").GetProperty("status").GetString());
        Assert.Equal("open", compiled.GetProperty("tender").GetProperty("procurementMethod").GetString());
        Assert.True(compiled.GetProperty("tender").GetProperty("techniques").GetProperty("hasElectronicAuction").GetBoolean());
        Assert.Equal("25301", compiled.GetProperty("planning").GetProperty("budget").GetProperty("id").GetString());
        var call = Assert.Single(documents.EnumerateArray());
        var version = Assert.Single(call.GetProperty("versions").EnumerateArray());
        var bytes = await anonymous.GetByteArrayAsync($"/documentos/{call.GetProperty("id").GetString()}/1");
        Assert.Equal(version.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal("officerA", version.GetProperty("createdBy").GetString());
    }

    [Fact]
    public async Task CreateProcedure_OverTheLinesAvailableBudget_IsRefused()
    {
        using var officer = await _host.ClientAsync("officerA");
        var planId = await PortalFlow.PublishedPlanAsync(officer, 1_500_000m);
        await PortalFlow.CreateProcedureAsync(officer, PortalFlow.ProcedureBody(planId, amount: 1_000_000m));

        var second = await officer.PostAsJsonAsync("/api/procedures", PortalFlow.ProcedureBody(planId, amount: 600_000m), PortalTestHost.Json);

        var problem = await PortalFlow.ProblemAsync(second, HttpStatusCode.BadRequest);
        Assert.Contains("500,000.00", problem.GetProperty("errors").GetProperty("estimatedAmount")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficerOfAnotherUnit_CannotTouchThePlanOrProcedure()
    {
        using var officerA = await _host.ClientAsync("officerA");
        using var officerB = await _host.ClientAsync("officerB");
        var planId = await PortalFlow.PublishedPlanAsync(officerA, 2_000_000m);
        var draft = await PortalFlow.CreateProcedureAsync(officerA, PortalFlow.ProcedureBody(planId));
        var id = draft.GetProperty("procedure").GetProperty("id").GetString()!;

        var publishOthers = await officerB.PostAsync($"/api/procedures/{id}/publish", null);
        var readOthersDraft = await officerB.GetAsync($"/api/procedures/{id}");
        var fromOthersPlan = await officerB.PostAsJsonAsync("/api/procedures", PortalFlow.ProcedureBody(planId), PortalTestHost.Json);

        await PortalFlow.ProblemAsync(publishOthers, HttpStatusCode.NotFound);
        await PortalFlow.ProblemAsync(readOthersDraft, HttpStatusCode.NotFound);
        var problem = await PortalFlow.ProblemAsync(fromOthersPlan, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("planId", out _));
    }

    [Fact]
    public async Task RestrictedInvitation_NeedsThreeRegisteredSuppliersAndAGround_AndWarnsOverTheCap()
    {
        using var officer = await _host.ClientAsync("officerA");
        var planId = await PortalFlow.PublishedPlanAsync(officer, 1_000_000m, 1_000_000m);

        var two = await officer.PostAsJsonAsync("/api/procedures", PortalFlow.ProcedureBody(planId, type: "restricted", invited: ["s1", "s2"]), PortalTestHost.Json);
        var unknown = await officer.PostAsJsonAsync("/api/procedures", PortalFlow.ProcedureBody(planId, type: "restricted", invited: ["s1", "s2", "nobody"]), PortalTestHost.Json);
        var ok = await PortalFlow.CreateProcedureAsync(officer, PortalFlow.ProcedureBody(planId, type: "restricted", amount: 800_000m, invited: ["s1", "s2", "s3"]));

        Assert.True((await PortalFlow.ProblemAsync(two, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("invitedSuppliers", out _));
        Assert.True((await PortalFlow.ProblemAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("invitedSuppliers", out _));
        Assert.StartsWith("I3P-UC-A-", ok.GetProperty("procedure").GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Contains("40%", Assert.Single(ok.GetProperty("warnings").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateProcedure_ConcurrentlyInOneUnit_EachGetsItsOwnNumber()
    {
        using var officer = await _host.ClientAsync("officerA");
        using var coordinator = await _host.ClientAsync("coordA");
        var planId = await PortalFlow.PublishedPlanAsync(officer, 1_900_000m);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? officer : coordinator).PostAsJsonAsync("/api/procedures", PortalFlow.ProcedureBody(planId, amount: 300_000m), PortalTestHost.Json)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("procedure").GetProperty("id").GetString()));
        Assert.Equal(6, ids.Distinct().Count());
    }
}
