using System.Net;
using System.Text.Json;
using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionHost.Tests.Auctions;

/// <summary><c>POST /api/auctions</c> (PROTOCOL.md "Auctions (REST)"; auction-rules.md rule 2) against the real host.</summary>
[Trait("Category", "Integration")]
public sealed class AuctionEndpointsCreateTests(AuctionHostFixture fixture) : IClassFixture<AuctionHostFixture>
{
    [Fact]
    public async Task CreateAsync_ValidBodyAsOfficer_Returns201WithLocationAndAuctionId()
    {
        var body = AuctionRequests.Valid();
        using var officer = await fixture.ClientAsync("officer1");

        var response = await Api.PostAsync(officer, "/api/auctions", body);

        Assert.True(response.Status == HttpStatusCode.Created, response.ToString());
        var auctionId = response.Json.GetProperty("auctionId").GetString();
        Assert.Equal(body["procedureId"], auctionId);
        Assert.Equal($"/api/auctions/{auctionId}", response.Headers.Location?.OriginalString);
        var view = await Api.GetAsync(officer, response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, view.Status);
        Assert.Equal("open", view.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task CreateAsync_ProcedureWithLot_IdJoinsProcedureAndLot()
    {
        var body = AuctionRequests.Valid();
        body["lotId"] = "L1";
        using var officer = await fixture.ClientAsync("officer1");

        var response = await Api.PostAsync(officer, "/api/auctions", body);

        Assert.True(response.Status == HttpStatusCode.Created, response.ToString());
        Assert.Equal($"{body["procedureId"]}~L1", response.Json.GetProperty("auctionId").GetString());
    }

    [Fact]
    public async Task CreateAsync_AsCoordinator_Returns201()
    {
        using var coordinator = await fixture.ClientAsync("coordinator1");

        var response = await Api.PostAsync(coordinator, "/api/auctions", AuctionRequests.Valid());

        Assert.True(response.Status == HttpStatusCode.Created, response.ToString());
    }

    [Fact]
    public async Task CreateAsync_SameProcedureAgain_Returns409AuctionExists()
    {
        var body = AuctionRequests.Valid();
        using var officer = await fixture.ClientAsync("officer1");
        var first = await Api.PostAsync(officer, "/api/auctions", body);
        Assert.True(first.Status == HttpStatusCode.Created, first.ToString());

        var second = await Api.PostAsync(officer, "/api/auctions", body);

        Api.AssertProblem(second, HttpStatusCode.Conflict, "auction-exists");
    }

    [Fact]
    public async Task CreateAsync_SameProcedureConcurrently_OneIs201TheOthers409AndTheAuctionIsSound()
    {
        using var officer = await fixture.ClientAsync("officer1");
        using var supplier1 = await fixture.ClientAsync("supplier1");
        for (var round = 0; round < 40; round++)
        {
            var body = AuctionRequests.Valid();
            var auctionId = (string)body["procedureId"]!;
            Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(officer, Api.AuctionPath(auctionId))).Status);

            var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Api.PostAsync(officer, "/api/auctions", body)));

            var statuses = string.Join(", ", responses.Select(r => $"{(int)r.Status}"));
            Assert.True(responses.Count(r => r.Status == HttpStatusCode.Created) == 1, $"Round {round}: {statuses}");
            Assert.True(responses.Count(r => r.Status == HttpStatusCode.Conflict) == 5, $"Round {round}: {statuses}");
            Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 980_000.00m));
            var transcript = (await Api.GetAsync(officer, Api.TranscriptPath(auctionId))).Json;
            Assert.True(transcript.GetProperty("chainVerified").GetBoolean(), transcript.ToString());
            Assert.Equal(
                ["initial-offer", "initial-offer", "opened", "bid-accepted"],
                transcript.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        }
    }

    [Fact]
    public async Task CreateAsync_SameAuctionConcurrentlyAtTheGrainTheEndpointCalls_ExactlyOneIsCreated()
    {
        var procedureId = AuctionRequests.NewProcedureId();
        var now = DateTimeOffset.UtcNow;
        var terms = new AuctionTerms(
            procedureId, procedureId, null, "Paracetamol 500 mg", "MXN", AuctionFormat.Continuous, 1_000_000.00m,
            new MinStep(StepKind.Amount, 1_000.00m, StepReference.Own), 30m, TieRule.EarlierWins, now.AddSeconds(-1), now.AddMinutes(30),
            null, FeedbackMode.LeadRank, [new InvitedBidder("supplier1", 990_000.00m, 1m), new InvitedBidder("supplier2", null, 1m)]);
        var grain = fixture.Host.Service<IGrainFactory>().GetGrain<IAuctionGrain>(procedureId);
        Assert.Null(await grain.GetSnapshotAsync());

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => grain.CreateAsync(terms, "officer1")));

        using var officer = await fixture.ClientAsync("officer1");
        var transcript = await Api.GetAsync(officer, Api.TranscriptPath(procedureId));
        var view = await Api.GetAsync(officer, Api.AuctionPath(procedureId));
        Assert.True(
            outcomes.Count(o => o.Outcome == CreateAuctionOutcome.Created) == 1,
            $"Outcomes of six concurrent creates: {string.Join(", ", outcomes.Select(o => o.Outcome))}\nTranscript: {transcript}\nView: {view}");
        Assert.True(transcript.Json.GetProperty("chainVerified").GetBoolean(), transcript.ToString());
        Assert.Equal(["initial-offer", "opened"], transcript.Json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(2, view.Json.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task CreateAsync_EmptyObject_Returns400WithEveryMissingField()
    {
        using var officer = await fixture.ClientAsync("officer1");

        var response = await Api.PostRawAsync(officer, "/api/auctions", "{}");

        var errors = Api.AssertProblem(response, HttpStatusCode.BadRequest, "validation").GetProperty("errors");
        foreach (var field in new[] { "procedureId", "title", "currency", "ceilingPrice", "minStep", "startsAt", "endsAt", "bidders" })
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"No error for {field}: {errors}");
            Assert.Equal(JsonValueKind.Array, messages.ValueKind);
            Assert.NotEmpty(messages.EnumerateArray());
        }
    }

    [Fact]
    public async Task CreateAsync_MissingNestedFields_Returns400NamingTheirPaths()
    {
        var body = AuctionRequests.Valid();
        body["minStep"] = new Dictionary<string, object?> { ["kind"] = "amount" };
        body["softClose"] = new Dictionary<string, object?> { ["windowSeconds"] = 60 };
        body["bidders"] = new List<object?> { AuctionRequests.Bidder("supplier1", null), new Dictionary<string, object?> { ["initialPrice"] = 5m }, null };
        using var officer = await fixture.ClientAsync("officer1");

        var response = await Api.PostAsync(officer, "/api/auctions", body);

        var errors = Api.AssertProblem(response, HttpStatusCode.BadRequest, "validation").GetProperty("errors");
        foreach (var field in new[] { "minStep.value", "minStep.relativeTo", "softClose.extendSeconds", "softClose.maxExtensions", "bidders[1].supplierId", "bidders[2]" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task CreateAsync_BadValues_Returns400WithAnErrorPerField()
    {
        var body = AuctionRequests.Valid();
        var now = DateTimeOffset.UtcNow;
        body["procedureId"] = "bad id/with spaces";
        body["title"] = "  ";
        body["currency"] = "pesos";
        body["ceilingPrice"] = -5m;
        body["minStep"] = new Dictionary<string, object?> { ["kind"] = "percent", ["value"] = 150m, ["relativeTo"] = "leader" };
        body["maxStepPercent"] = 100;
        body["startsAt"] = now.AddMinutes(10);
        body["endsAt"] = now.AddMinutes(5);
        body["softClose"] = new Dictionary<string, object?> { ["windowSeconds"] = 0, ["extendSeconds"] = 7200, ["maxExtensions"] = -1, ["trigger"] = "rank" };
        body["bidders"] = new List<object?>
        {
            AuctionRequests.Bidder("supplier1", 2_000_000.00m),
            AuctionRequests.Bidder("supplier2", 10.001m, coefficient: 2.0m),
            AuctionRequests.Bidder("supplier2", null),
        };
        using var officer = await fixture.ClientAsync("officer1");

        var response = await Api.PostAsync(officer, "/api/auctions", body);

        var errors = Api.AssertProblem(response, HttpStatusCode.BadRequest, "validation").GetProperty("errors");
        foreach (var field in new[]
        {
            "procedureId", "title", "currency", "ceilingPrice", "minStep.value", "maxStepPercent", "endsAt",
            "softClose.windowSeconds", "softClose.extendSeconds", "softClose.maxExtensions",
            "bidders[0].initialPrice", "bidders[1].initialPrice", "bidders[1].coefficient", "bidders[2].supplierId",
        })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task CreateAsync_EndInThePast_Returns400ForEndsAt()
    {
        var body = AuctionRequests.Valid();
        body["startsAt"] = DateTimeOffset.UtcNow.AddHours(-2);
        body["endsAt"] = DateTimeOffset.UtcNow.AddHours(-1);
        using var officer = await fixture.ClientAsync("officer1");

        var response = await Api.PostAsync(officer, "/api/auctions", body);

        var errors = Api.AssertProblem(response, HttpStatusCode.BadRequest, "validation").GetProperty("errors");
        Assert.True(errors.TryGetProperty("endsAt", out _), errors.ToString());
    }

    [Fact]
    public async Task CreateAsync_UnknownSupplierOrNonSupplierAccount_Returns400ForThoseBidders()
    {
        var body = AuctionRequests.Valid();
        body["bidders"] = new List<object?>
        {
            AuctionRequests.Bidder("supplier1", 990_000.00m),
            AuctionRequests.Bidder("no-such-supplier", 980_000.00m),
            AuctionRequests.Bidder("officer1", null),
        };
        using var officer = await fixture.ClientAsync("officer1");

        var response = await Api.PostAsync(officer, "/api/auctions", body);

        var errors = Api.AssertProblem(response, HttpStatusCode.BadRequest, "validation").GetProperty("errors");
        Assert.True(errors.TryGetProperty("bidders[1].supplierId", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("bidders[2].supplierId", out _), errors.ToString());
        Assert.False(errors.TryGetProperty("bidders[0].supplierId", out _), errors.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task CreateAsync_FewerThanTwoBidders_Returns400ForBidders(int bidders)
    {
        var body = AuctionRequests.Valid();
        body["bidders"] = new List<object?> { AuctionRequests.Bidder("supplier1", 990_000.00m) }.Take(bidders).ToList();
        using var officer = await fixture.ClientAsync("officer1");

        var response = await Api.PostAsync(officer, "/api/auctions", body);

        var errors = Api.AssertProblem(response, HttpStatusCode.BadRequest, "validation").GetProperty("errors");
        Assert.True(errors.TryGetProperty("bidders", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(officer, Api.AuctionPath((string)body["procedureId"]!))).Status);
    }

    [Theory]
    [InlineData("feedback", "\"loud\"")]
    [InlineData("ceilingPrice", "\"1000000\"")]
    [InlineData("startsAt", "\"next tuesday\"")]
    public async Task CreateAsync_WrongJsonTypeOrUnknownEnum_Returns400WithAnErrorForThatField(string field, string json)
    {
        var body = JsonSerializer.Serialize(AuctionRequests.Valid(), Infrastructure.RunningHost.Json);
        var node = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject();
        node[field] = System.Text.Json.Nodes.JsonNode.Parse(json);
        using var officer = await fixture.ClientAsync("officer1");

        var response = await Api.PostRawAsync(officer, "/api/auctions", node.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Contains(field, response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // PROTOCOL.md: "Invalid bodies give 400 with per-field errors."
        Assert.True(response.Json.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _),
            $"A 400 for a wrong value of {field} has no per-field errors member: {response}");
    }

    [Fact]
    public async Task CreateAsync_MalformedJson_Returns400Invalid()
    {
        using var officer = await fixture.ClientAsync("officer1");

        var response = await Api.PostRawAsync(officer, "/api/auctions", "{\"procedureId\": ");

        Api.AssertProblem(response, HttpStatusCode.BadRequest, "invalid");
    }

    [Fact]
    public async Task CreateAsync_WithoutToken_Returns401()
    {
        using var anonymous = await fixture.ClientAsync();

        var response = await Api.PostAsync(anonymous, "/api/auctions", AuctionRequests.Valid());

        Api.AssertProblem(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Theory]
    [InlineData("supplier1")]
    [InlineData("auditor1")]
    public async Task CreateAsync_AsSupplierOrAuditor_Returns403(string username)
    {
        var body = AuctionRequests.Valid();
        using var client = await fixture.ClientAsync(username);

        var response = await Api.PostAsync(client, "/api/auctions", body);

        Api.AssertProblem(response, HttpStatusCode.Forbidden, "forbidden");
        using var officer = await fixture.ClientAsync("officer1");
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(officer, Api.AuctionPath((string)body["procedureId"]!))).Status);
    }
}
