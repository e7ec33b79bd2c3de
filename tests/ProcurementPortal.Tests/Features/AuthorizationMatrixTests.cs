using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CompraNet.ProcurementPortal.Tests.Infrastructure;

namespace CompraNet.ProcurementPortal.Tests.Features;

/// <summary>
/// Every role against every action of the API: the public, an invited and an uninvited supplier, an officer and a
/// coordinator of the unit, an officer of another unit, an auditor, and an officer with no unit. Actions that would
/// change the state when allowed are sent with input the domain refuses (400/409), so each cell shows the
/// authorization decision without disturbing the others. Plus: nobody, the unit's own officials included, reads a
/// sealed offer before the opening.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private static readonly string[] Actors = ["public", "s1", "s5", "officerA", "coordA", "officerB", "auditor1", "loneOfficer"];

    private readonly Dictionary<string, HttpClient> _clients = [];
    private PortalTestHost _host = null!;
    private string _planId = null!;
    private string _draft = null!;
    private string _unpublishable = null!;
    private string _published = null!;

    public async Task InitializeAsync()
    {
        _host = await PortalTestHost.StartAsync();
        await _host.SeedAsync();
        foreach (var actor in Actors)
        {
            _clients[actor] = actor == "public" ? _host.Client() : await _host.ClientAsync(actor);
        }

        _clients["s2"] = await _host.ClientAsync("s2"); // the bidder whose sealed offer the others try to read
        var officer = _clients["officerA"];
        _planId = await PortalFlow.PublishedPlanAsync(officer, 2_000_000m, 2_000_000m);
        _draft = (await PortalFlow.CreateProcedureAsync(officer, PortalFlow.ProcedureBody(_planId))).GetProperty("procedure").GetProperty("id").GetString()!;
        _unpublishable = (await PortalFlow.CreateProcedureAsync(officer, PortalFlow.ProcedureBody(_planId, amount: 500_000m, deadlineDays: 3)))
            .GetProperty("procedure").GetProperty("id").GetString()!;
        _published = (await PortalFlow.CreateProcedureAsync(officer, PortalFlow.ProcedureBody(_planId, line: 2, type: "restricted", invited: ["s1", "s2", "s3"])))
            .GetProperty("procedure").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/procedures/{_published}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _clients["s2"].PostAsJsonAsync($"/api/procedures/{_published}/questions", new { question = "¿Se puede cotizar por unidad médica?" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Offer(_clients["s2"], _published, 61.37m, 52.19m)).StatusCode);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await _host.DisposeAsync();
    }

    [Fact]
    public async Task EveryRoleAgainstEveryAction_GetsTheExpectedDecision()
    {
        //                                                     public  s1   s5   offA coordA offB audit lone
        var cells = new (string Action, Func<HttpClient, Task<HttpResponseMessage>> Call, int[] Expected)[]
        {
            ("create plan (exists)", c => c.PostAsJsonAsync("/api/plans", new { fiscalYear = DateTime.UtcNow.Year - 1 }), [401, 403, 403, 201, 409, 201, 403, 403]),
            ("read draft", c => c.GetAsync($"/api/procedures/{_draft}"), [404, 404, 404, 200, 200, 404, 200, 404]),
            ("read draft timeline", c => c.GetAsync($"/api/procedures/{_draft}/timeline"), [404, 404, 404, 200, 200, 404, 200, 404]),
            ("edit draft (bad title)", c => c.PutAsJsonAsync($"/api/procedures/{_draft}", new { planId = _planId, planLineNo = 1, type = "open-national", title = "" }), [401, 403, 403, 400, 400, 404, 403, 403]),
            ("publish a draft (deadline too soon)", c => c.PostAsync($"/api/procedures/{_unpublishable}/publish", new StringContent("")), [401, 403, 403, 400, 400, 404, 403, 403]),
            ("cancel published (no reason)", c => c.PostAsJsonAsync($"/api/procedures/{_published}/cancel", new { reason = "" }), [401, 403, 403, 400, 400, 403, 403, 403]),
            ("ask (empty)", c => c.PostAsJsonAsync($"/api/procedures/{_published}/questions", new { question = "" }), [401, 400, 403, 403, 403, 403, 403, 403]),
            ("answer (empty)", c => c.PostAsJsonAsync($"/api/procedures/{_published}/questions/1/answer", new { answer = "" }), [401, 403, 403, 400, 400, 403, 403, 403]),
            ("submit offer (no items)", c => c.PostAsJsonAsync($"/api/procedures/{_published}/offers", new { offerId = Guid.NewGuid() }), [401, 400, 403, 403, 403, 403, 403, 403]),
            ("open before the deadline", c => c.PostAsync($"/api/procedures/{_published}/opening", new StringContent("")), [401, 403, 403, 409, 409, 403, 403, 403]),
            ("market research (no quotes)", c => c.PutAsJsonAsync($"/api/procedures/{_published}/market-research", new { quotes = Array.Empty<object>() }), [401, 403, 403, 400, 400, 403, 403, 403]),
            ("evaluate before the opening", c => c.PostAsJsonAsync($"/api/procedures/{_published}/evaluation", new { offers = Array.Empty<object>() }), [401, 403, 403, 409, 409, 403, 403, 403]),
            ("award before the evaluation", c => c.PostAsJsonAsync($"/api/procedures/{_published}/award", new { }), [401, 403, 403, 409, 409, 403, 403, 403]),
            ("add a line to a published plan", c => c.PostAsJsonAsync($"/api/plans/{_planId}/lines", new { }), [401, 403, 403, 409, 409, 403, 403, 403]),
        };

        var mismatches = new StringBuilder();
        foreach (var (action, call, expected) in cells)
        {
            for (var i = 0; i < Actors.Length; i++)
            {
                using var response = await call(_clients[Actors[i]]);
                var status = (int)response.StatusCode;
                if (status != expected[i])
                {
                    mismatches.AppendLine($"{action} as {Actors[i]}: expected {expected[i]}, got {status} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(mismatches.Length == 0, mismatches.ToString());
    }

    [Fact]
    public async Task SealedOffer_BeforeTheOpening_NoRoleReadsItsAmountOrAuthor()
    {
        foreach (var actor in Actors)
        {
            // The invitation list is public in a restricted invitation; who actually bid is not.
            var status = System.Text.Json.Nodes.JsonNode.Parse(await (await _clients[actor].GetAsync($"/api/procedures/{_published}/offers")).Content.ReadAsStringAsync())!.AsObject();
            status.Remove("invitedSuppliers");
            var body = status.ToJsonString();

            Assert.Contains("\"liveOffers\":1", body, StringComparison.Ordinal);
            Assert.DoesNotContain("61.37", body, StringComparison.Ordinal);
            Assert.DoesNotContain("\"s2\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain("\"opening\":{", body, StringComparison.Ordinal);
        }

        var own = await _clients["s1"].GetFromJsonAsync<JsonElement>($"/api/procedures/{_published}/offers");
        Assert.Empty(own.GetProperty("ownOffers").EnumerateArray());
    }

    private static Task<HttpResponseMessage> Offer(HttpClient supplier, string procedureId, decimal price1, decimal price2) =>
        supplier.PostAsJsonAsync($"/api/procedures/{procedureId}/offers", new
        {
            offerId = Guid.NewGuid(),
            items = new[] { new { itemId = "1", unitPrice = price1 }, new { itemId = "2", unitPrice = price2 } },
        });
}
