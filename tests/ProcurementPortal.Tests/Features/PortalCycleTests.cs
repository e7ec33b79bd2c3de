using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CompraNet.ProcurementPortal.Ocds;
using CompraNet.ProcurementPortal.Tests.Infrastructure;

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

    private PortalTestHost _host = null!;

    protected abstract bool OnPostgres { get; }

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync(postgres: OnPostgres);
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
            AssertValid(Validator.ValidateReleasePackage(text), next);
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
            AssertValid(Validator.ValidateRecordPackage(record), ocid);
        }

        var single = await anonymous.GetStringAsync($"/api/ocds/releases/{releases[2].GetProperty("id").GetString()}");
        AssertValid(Validator.ValidateReleasePackage(single), "single release");
        var bulk = (await anonymous.GetStringAsync("/api/ocds/bulk")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(releases.Length, bulk.Length);
        Assert.All(bulk, line => AssertValid(Validator.ValidateRelease(line), "bulk line"));
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

    private static void AssertValid(OcdsValidationResult result, string what) =>
        Assert.True(result.IsValid, $"{what}: {string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Message}"))}");
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
