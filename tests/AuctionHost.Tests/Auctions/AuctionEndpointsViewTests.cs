using System.Net;
using System.Text.Json;

namespace CompraNet.AuctionHost.Tests.Auctions;

/// <summary>
/// <c>GET /api/auctions/{auctionId}</c>: each audience's view (PROTOCOL.md "Views", auction-rules.md rule 8) and the
/// wire format (camelCase, kebab-case enums, times with Z, money as numbers), read as raw JSON.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AuctionEndpointsViewTests(AuctionHostFixture fixture) : IClassFixture<AuctionHostFixture>
{
    private static readonly string[] CommonFields =
    [
        "auctionId", "status", "serverTime", "startsAt", "endsAt", "extensions", "currency", "ceilingPrice", "minStep", "feedback", "bidderCount", "sequence",
    ];

    [Fact]
    public async Task GetAsync_Public_HasCommonFieldsAndBidCountButNoLadderRankOrSupplierIds()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");
        Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 980_000.00m));
        using var anonymous = await fixture.ClientAsync();

        var response = await Api.GetAsync(anonymous, Api.AuctionPath(auctionId));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var view = response.Json;
        AssertCommonFields(view, auctionId);
        Assert.Equal("public", view.GetProperty("audience").GetString());
        Assert.Equal(1, view.GetProperty("bidCount").GetInt32());
        foreach (var hidden in new[] { "ladder", "myRank", "myBest", "leading", "bestPrice", "ranking", "latestBids", "refusalCounts" })
        {
            Assert.False(view.TryGetProperty(hidden, out _), $"The public view has {hidden}: {response.Text}");
        }

        Api.AssertNoOtherSupplierIds(response.Text, self: null);
    }

    [Fact]
    public async Task GetAsync_InvitedSupplierWithLeadRank_HasOwnRankAndLeadOnly()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");
        using var supplier2 = await fixture.ClientAsync("supplier2");
        Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 980_000.00m));

        var first = await Api.GetAsync(supplier1, Api.AuctionPath(auctionId));
        var second = await Api.GetAsync(supplier2, Api.AuctionPath(auctionId));

        AssertCommonFields(first.Json, auctionId);
        Assert.Equal("supplier", first.Json.GetProperty("audience").GetString());
        Assert.Equal(1, first.Json.GetProperty("myRank").GetInt32());
        Assert.Equal("leading", first.Json.GetProperty("leading").GetString());
        Assert.Equal(980_000.00m, Api.AssertMoney(first.Json, "myBest"));
        Assert.Equal(2, second.Json.GetProperty("myRank").GetInt32());
        Assert.Equal("not-leading", second.Json.GetProperty("leading").GetString());
        Assert.Equal(985_000.00m, Api.AssertMoney(second.Json, "myBest"));
        Assert.StartsWith("Bidder ", second.Json.GetProperty("myLabel").GetString(), StringComparison.Ordinal);
        foreach (var hidden in new[] { "ladder", "bestPrice", "ranking", "latestBids", "refusalCounts" })
        {
            Assert.False(second.Json.TryGetProperty(hidden, out _), $"A lead-rank supplier view has {hidden}: {second.Text}");
        }

        Api.AssertNoOtherSupplierIds(first.Text, "supplier1");
        Api.AssertNoOtherSupplierIds(second.Text, "supplier2");
    }

    [Theory]
    [InlineData("rank", true, false, false, false)]
    [InlineData("lead", false, true, false, false)]
    [InlineData("lead-rank", true, true, false, false)]
    [InlineData("best-price", false, false, true, false)]
    [InlineData("ladder", true, false, true, true)]
    public async Task GetAsync_SupplierPerFeedbackMode_ShowsExactlyTheAnnouncedFeedback(string feedback, bool rank, bool lead, bool best, bool ladder)
    {
        var auctionId = await fixture.CreateAuctionAsync(body => body["feedback"] = feedback);
        using var supplier2 = await fixture.ClientAsync("supplier2");

        var response = await Api.GetAsync(supplier2, Api.AuctionPath(auctionId));

        var view = response.Json;
        Assert.Equal(feedback, view.GetProperty("feedback").GetString());
        Assert.Equal(rank, view.TryGetProperty("myRank", out _));
        Assert.Equal(lead, view.TryGetProperty("leading", out _));
        Assert.Equal(best, view.TryGetProperty("bestPrice", out _));
        Assert.Equal(ladder, view.TryGetProperty("ladder", out var entries));
        if (ladder)
        {
            Assert.Equal(3, entries.GetArrayLength());
            Assert.All(entries.EnumerateArray(), e => Assert.StartsWith("Bidder ", e.GetProperty("label").GetString(), StringComparison.Ordinal));
        }

        if (best)
        {
            Assert.Equal(985_000.00m, Api.AssertMoney(view, "bestPrice"));
        }

        Api.AssertNoOtherSupplierIds(response.Text, "supplier2");
    }

    [Fact]
    public async Task GetAsync_LadderFeedback_LabelsAreStableAcrossBids()
    {
        var auctionId = await fixture.CreateAuctionAsync(body => body["feedback"] = "ladder");
        using var supplier1 = await fixture.ClientAsync("supplier1");
        using var supplier2 = await fixture.ClientAsync("supplier2");
        var before = (await Api.GetAsync(supplier2, Api.AuctionPath(auctionId))).Json;
        var labelOf1 = (await Api.GetAsync(supplier1, Api.AuctionPath(auctionId))).Json.GetProperty("myLabel").GetString();

        Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 970_000.00m));
        var after = (await Api.GetAsync(supplier2, Api.AuctionPath(auctionId))).Json;

        Assert.Equal(before.GetProperty("myLabel").GetString(), after.GetProperty("myLabel").GetString());
        var top = after.GetProperty("ladder")[0];
        Assert.Equal(labelOf1, top.GetProperty("label").GetString());
        Assert.Equal(970_000.00m, Api.AssertMoney(top, "amount"));
        Assert.Equal(2, after.GetProperty("myRank").GetInt32());
    }

    [Theory]
    [InlineData("officer1")]
    [InlineData("auditor1")]
    [InlineData("coordinator1")]
    public async Task GetAsync_OfficerOrAuditor_HasFullLadderWithSupplierIds(string username)
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");
        Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 980_000.00m));
        using var client = await fixture.ClientAsync(username);

        var response = await Api.GetAsync(client, Api.AuctionPath(auctionId));

        var view = response.Json;
        AssertCommonFields(view, auctionId);
        Assert.Equal("officer", view.GetProperty("audience").GetString());
        var ladder = view.GetProperty("ladder");
        Assert.Equal(["supplier1", "supplier2", "supplier5"], Api.SupplierIdsOf(ladder));
        Assert.Equal(980_000.00m, Api.AssertMoney(ladder[0], "amount"));
        Assert.Equal(980_000.00m, Api.AssertMoney(ladder[0], "score"));
        Assert.Equal(1, ladder[0].GetProperty("rank").GetInt32());
        Api.AssertUtc(ladder[0], "at");
        Assert.Equal(1, view.GetProperty("bidCount").GetInt32());
    }

    [Fact]
    public async Task GetAsync_TokenInQueryStringOutsideTheHub_IsIgnored()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        var token = await fixture.TokenAsync("officer1");
        using var anonymous = await fixture.ClientAsync();

        var response = await Api.GetAsync(anonymous, $"{Api.AuctionPath(auctionId)}?access_token={Uri.EscapeDataString(token)}");

        Assert.Equal("public", response.Json.GetProperty("audience").GetString());
        Api.AssertNoOtherSupplierIds(response.Text, self: null);
    }

    [Fact]
    public async Task GetAsync_TieUnderEarlierWins_LaterBidderIsTiedAndRanksSecond()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");
        using var supplier2 = await fixture.ClientAsync("supplier2");

        var tie = Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 985_000.00m));
        var leader = (await Api.GetAsync(supplier2, Api.AuctionPath(auctionId))).Json;

        Assert.Equal(2, tie.GetProperty("rank").GetInt32());
        Assert.Equal("tied", tie.GetProperty("view").GetProperty("leading").GetString());
        Assert.Equal(1, leader.GetProperty("myRank").GetInt32());
        Assert.Equal("leading", leader.GetProperty("leading").GetString());
    }

    [Fact]
    public async Task GetAsync_WeightedRanking_RanksByScoreAndShowsPriceAndScore()
    {
        var auctionId = await fixture.CreateAuctionAsync(body => body["bidders"] = new object[]
        {
            AuctionRequests.Bidder("supplier1", 790_000.00m),
            AuctionRequests.Bidder("supplier2", 985_000.00m, coefficient: 1.25m),
        });
        using var supplier2 = await fixture.ClientAsync("supplier2");
        using var officer = await fixture.ClientAsync("officer1");

        var mine = (await Api.GetAsync(supplier2, Api.AuctionPath(auctionId))).Json;
        var ladder = (await Api.GetAsync(officer, Api.AuctionPath(auctionId))).Json.GetProperty("ladder");

        Assert.Equal(["supplier2", "supplier1"], Api.SupplierIdsOf(ladder));
        Assert.Equal(985_000.00m, Api.AssertMoney(ladder[0], "amount"));
        Assert.Equal(788_000m, Api.AssertMoney(ladder[0], "score"));
        Assert.Equal(1.25m, Api.AssertMoney(ladder[0], "coefficient"));
        Assert.Equal(1, mine.GetProperty("myRank").GetInt32());
        Assert.Equal(985_000.00m, Api.AssertMoney(mine, "myBest"));
        Assert.Equal(788_000m, Api.AssertMoney(mine, "myScore"));
        Assert.Equal(1.25m, Api.AssertMoney(mine, "myCoefficient"));
    }

    [Fact]
    public async Task GetAsync_UninvitedSupplier_GetsThePublicView()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier4 = await fixture.ClientAsync("supplier4");

        var response = await Api.GetAsync(supplier4, Api.AuctionPath(auctionId));

        Assert.Equal("public", response.Json.GetProperty("audience").GetString());
        Assert.False(response.Json.TryGetProperty("myRank", out _));
        Api.AssertNoOtherSupplierIds(response.Text, self: null);
    }

    [Fact]
    public async Task GetAsync_StartInTheFuture_IsScheduled()
    {
        var auctionId = await fixture.CreateAuctionAsync(body =>
        {
            body["startsAt"] = DateTimeOffset.UtcNow.AddMinutes(10);
            body["endsAt"] = DateTimeOffset.UtcNow.AddMinutes(40);
        });
        using var anonymous = await fixture.ClientAsync();

        var response = await Api.GetAsync(anonymous, Api.AuctionPath(auctionId));

        Assert.Equal("scheduled", response.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ListAsync_NewAuction_IsListedPubliclyWithoutBidders()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var anonymous = await fixture.ClientAsync();

        var response = await Api.GetAsync(anonymous, "/api/auctions?limit=200");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var line = Assert.Single(response.Json.EnumerateArray(), a => a.GetProperty("auctionId").GetString() == auctionId);
        Assert.Equal("open", line.GetProperty("status").GetString());
        Api.AssertUtc(line, "endsAt");
        Api.AssertNoOtherSupplierIds(response.Text, self: null);
    }

    [Theory]
    [InlineData("NO-SUCH-AUCTION-4711")]
    [InlineData("not a valid id")]
    public async Task GetAsync_UnknownAuction_Returns404NotFound(string auctionId)
    {
        using var anonymous = await fixture.ClientAsync();

        var response = await Api.GetAsync(anonymous, Api.AuctionPath(auctionId));

        Api.AssertProblem(response, HttpStatusCode.NotFound, "not-found");
    }

    private static void AssertCommonFields(JsonElement view, string auctionId)
    {
        foreach (var field in CommonFields)
        {
            Assert.True(view.TryGetProperty(field, out _), $"The view has no {field}: {view}");
        }

        Assert.Equal(auctionId, view.GetProperty("auctionId").GetString());
        Assert.Equal("open", view.GetProperty("status").GetString());
        Assert.Equal("MXN", view.GetProperty("currency").GetString());
        Assert.Equal("lead-rank", view.GetProperty("feedback").GetString());
        Assert.Equal("earlier-wins", view.GetProperty("tieRule").GetString());
        Assert.Equal("continuous", view.GetProperty("format").GetString());
        Assert.Equal(4, view.GetProperty("bidderCount").GetInt32());
        Assert.Equal(0, view.GetProperty("extensions").GetInt32());
        Assert.True(view.GetProperty("sequence").GetInt64() > 0);
        Assert.Equal(1_000_000.00m, Api.AssertMoney(view, "ceilingPrice"));
        var minStep = view.GetProperty("minStep");
        Assert.Equal("amount", minStep.GetProperty("kind").GetString());
        Assert.Equal("own", minStep.GetProperty("relativeTo").GetString());
        Assert.Equal(1_000.00m, Api.AssertMoney(minStep, "value"));
        Assert.Equal("leader", view.GetProperty("softClose").GetProperty("trigger").GetString());
        var serverTime = Api.AssertUtc(view, "serverTime");
        var startsAt = Api.AssertUtc(view, "startsAt");
        var endsAt = Api.AssertUtc(view, "endsAt");
        Assert.True(startsAt <= serverTime && serverTime < endsAt, $"serverTime {serverTime:O} is not within {startsAt:O}..{endsAt:O}");
        Assert.True((DateTimeOffset.UtcNow - serverTime).Duration() < TimeSpan.FromMinutes(1));
    }
}
