using System.Net;
using System.Text.Json;

namespace CompraNet.AuctionHost.Tests.Auctions;

/// <summary>
/// <c>POST /api/auctions/{auctionId}/bids</c>: accepted bids, every refusal code reachable over REST as 422 problem
/// details with <c>code</c> and <c>bidResult</c> (PROTOCOL.md; auction-rules.md rules 3–6), idempotent bid ids, and
/// bad input answered with a clear 4xx after which the host still takes bids.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AuctionEndpointsBidTests(AuctionHostFixture fixture) : IClassFixture<AuctionHostFixture>
{
    [Fact]
    public async Task BidAsync_ValidBid_Returns200WithSequenceRankAndView()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");
        var bidId = Guid.NewGuid().ToString();

        var response = await Api.BidAsync(supplier1, auctionId, 980_000.00m, bidId);

        var result = Api.AssertAccepted(response);
        Assert.Equal("application/json", response.MediaType);
        Assert.Equal(bidId, result.GetProperty("bidId").GetString());
        Assert.True(result.GetProperty("sequence").GetInt64() > 0);
        Assert.Equal(1, result.GetProperty("rank").GetInt32());
        Assert.Equal(980_000.00m, Api.AssertMoney(result, "amount"));
        Assert.False(result.TryGetProperty("code", out var code) && code.ValueKind != JsonValueKind.Null);
        Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetString()));
        var view = result.GetProperty("view");
        Assert.Equal(auctionId, view.GetProperty("auctionId").GetString());
        Assert.Equal("supplier", view.GetProperty("audience").GetString());
        Assert.Equal(1, view.GetProperty("myRank").GetInt32());
        Assert.Equal("leading", view.GetProperty("leading").GetString());
        Assert.Equal(result.GetProperty("sequence").GetInt64(), view.GetProperty("sequence").GetInt64());
        Api.AssertNoOtherSupplierIds(response.Text, "supplier1");
    }

    [Fact]
    public async Task BidAsync_NotTheLeader_RankIsTwoAndOfficerLadderShowsIt()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");
        using var officer = await fixture.ClientAsync("officer1");

        var result = Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 987_000.00m));

        Assert.Equal(2, result.GetProperty("rank").GetInt32());
        Assert.Equal("not-leading", result.GetProperty("view").GetProperty("leading").GetString());
        var ladder = (await Api.GetAsync(officer, Api.AuctionPath(auctionId))).Json.GetProperty("ladder");
        Assert.Equal(["supplier2", "supplier1", "supplier5"], Api.SupplierIdsOf(ladder));
    }

    [Fact]
    public async Task BidAsync_BodyClaimsAnotherSupplier_BidCountsForTheTokenSubject()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");
        using var officer = await fixture.ClientAsync("officer1");
        var body = $$"""{"amount": 970000.00, "bidId": "{{Guid.NewGuid()}}", "confirm": false, "supplierId": "supplier2", "supplier": "supplier2"}""";

        Api.AssertAccepted(await Api.PostRawAsync(supplier1, Api.BidsPath(auctionId), body));

        var ladder = (await Api.GetAsync(officer, Api.AuctionPath(auctionId))).Json.GetProperty("ladder");
        Assert.Equal("supplier1", ladder[0].GetProperty("supplierId").GetString());
        Assert.Equal(970_000.00m, Api.AssertMoney(ladder[0], "amount"));
        Assert.Equal(985_000.00m, Api.AssertMoney(ladder[1], "amount"));
    }

    [Theory]
    [InlineData("supplier4")]
    [InlineData("officer1")]
    [InlineData("auditor1")]
    public async Task BidAsync_NotInvitedOrNotASupplier_Returns422NotEligible(string username)
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var client = await fixture.ClientAsync(username);

        var response = await Api.BidAsync(client, auctionId, 900_000.00m);

        Api.AssertRefused(response, "not-eligible");
        await AssertNoBidRecordedAsync(auctionId);
    }

    [Fact]
    public async Task BidAsync_SanctionedSupplier_Returns422Sanctioned()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier5 = await fixture.ClientAsync("supplier5");

        var response = await Api.BidAsync(supplier5, auctionId, 900_000.00m);

        Api.AssertRefused(response, "sanctioned");
        await AssertNoBidRecordedAsync(auctionId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task BidAsync_ZeroOrNegative_Returns422NotPositive(int amount)
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier3 = await fixture.ClientAsync("supplier3");

        var response = await Api.BidAsync(supplier3, auctionId, amount);

        Api.AssertRefused(response, "not-positive");
        await AssertNoBidRecordedAsync(auctionId);
        Api.AssertAccepted(await Api.BidAsync(supplier3, auctionId, 999_000.00m));
    }

    [Fact]
    public async Task BidAsync_AboveCeiling_Returns422AboveCeiling()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier3 = await fixture.ClientAsync("supplier3");

        var response = await Api.BidAsync(supplier3, auctionId, 1_000_000.01m);

        Api.AssertRefused(response, "above-ceiling");
        await AssertNoBidRecordedAsync(auctionId);
    }

    [Theory]
    [InlineData(989_500.00)]
    [InlineData(990_000.00)]
    [InlineData(995_000.00)]
    public async Task BidAsync_LessThanOneStepBelowOwnOrRaised_Returns422StepTooSmall(double amount)
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");

        var response = await Api.BidAsync(supplier1, auctionId, (decimal)amount);

        var result = Api.AssertRefused(response, "step-too-small");
        Assert.Equal(2, result.GetProperty("view").GetProperty("myRank").GetInt32());
        Assert.Equal(990_000.00m, Api.AssertMoney(result.GetProperty("view"), "myBest"));
        await AssertNoBidRecordedAsync(auctionId);
    }

    [Fact]
    public async Task BidAsync_FatFingerThenConfirmed_RefusedStepTooLargeThenAccepted()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");
        var bidId = Guid.NewGuid().ToString();

        var refused = await Api.BidAsync(supplier1, auctionId, 600_000.00m, bidId);
        var confirmed = await Api.BidAsync(supplier1, auctionId, 600_000.00m, bidId, confirm: true);

        Api.AssertRefused(refused, "step-too-large");
        var result = Api.AssertAccepted(confirmed);
        Assert.Equal(600_000.00m, Api.AssertMoney(result, "amount"));
        Assert.Equal(1, result.GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task BidAsync_OnlyTiesTheLeaderUnderMustBeat_Returns422TieNotAllowed()
    {
        var auctionId = await fixture.CreateAuctionAsync(body => body["tieRule"] = "must-beat");
        using var supplier1 = await fixture.ClientAsync("supplier1");

        var response = await Api.BidAsync(supplier1, auctionId, 985_000.00m);

        Api.AssertRefused(response, "tie-not-allowed");
        Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 984_999.99m));
    }

    [Fact]
    public async Task BidAsync_BeforeTheStart_Returns422NotOpen()
    {
        var auctionId = await fixture.CreateAuctionAsync(body =>
        {
            body["startsAt"] = DateTimeOffset.UtcNow.AddMinutes(10);
            body["endsAt"] = DateTimeOffset.UtcNow.AddMinutes(40);
        });
        using var supplier1 = await fixture.ClientAsync("supplier1");

        var response = await Api.BidAsync(supplier1, auctionId, 980_000.00m);

        Api.AssertRefused(response, "not-open");
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task BidAsync_BidIdNotAUuid_Returns422Invalid(string bidId)
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");

        var response = await Api.BidAsync(supplier1, auctionId, 980_000.00m, bidId);

        Api.AssertRefused(response, "invalid");
        await AssertNoBidRecordedAsync(auctionId);
        Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 980_000.00m));
    }

    [Fact]
    public async Task BidAsync_MoreThanTwoDecimals_Returns422Invalid()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");

        var response = await Api.BidAsync(supplier1, auctionId, 980_000.005m);

        Api.AssertRefused(response, "invalid");
    }

    [Fact]
    public async Task BidAsync_SameBidIdTwice_ReturnsTheOriginalResultAndRecordsOneBid()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");
        using var officer = await fixture.ClientAsync("officer1");
        var bidId = Guid.NewGuid().ToString();

        var first = Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 980_000.00m, bidId));
        var again = Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 980_000.00m, bidId));
        var otherAmount = Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 970_000.00m, bidId));

        Assert.Equal(first.GetProperty("sequence").GetInt64(), again.GetProperty("sequence").GetInt64());
        Assert.Equal(first.GetProperty("sequence").GetInt64(), otherAmount.GetProperty("sequence").GetInt64());
        Assert.Equal(980_000.00m, Api.AssertMoney(otherAmount, "amount"));
        Assert.Equal(first.GetProperty("rank").GetInt32(), again.GetProperty("rank").GetInt32());
        var view = (await Api.GetAsync(officer, Api.AuctionPath(auctionId))).Json;
        Assert.Equal(1, view.GetProperty("bidCount").GetInt32());
        Assert.Equal(980_000.00m, Api.AssertMoney(view.GetProperty("ladder")[0], "amount"));
    }

    [Fact]
    public async Task BidAsync_ManyConcurrentBids_EachAcceptedBidHasItsOwnSequenceAndTheChainVerifies()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");
        using var supplier2 = await fixture.ClientAsync("supplier2");
        using var supplier3 = await fixture.ClientAsync("supplier3");
        using var auditor = await fixture.ClientAsync("auditor1");
        var sent = new List<(string BidId, Task<ApiResponse> Response)>();
        foreach (var (client, start) in new[] { (supplier1, 980_000m), (supplier2, 975_000m), (supplier3, 970_000m) })
        {
            for (var i = 0; i < 8; i++)
            {
                var bidId = Guid.NewGuid().ToString();
                sent.Add((bidId, Api.BidAsync(client, auctionId, start - (i * 1_000m) - 0.01m * i, bidId)));
            }
        }

        await Task.WhenAll(sent.Select(s => s.Response));

        var results = sent.Select(s => (s.BidId, Response: s.Response.Result)).ToList();
        Assert.All(results, r => Assert.True(
            r.Response.Status == HttpStatusCode.OK || r.Response.Json.GetProperty("code").GetString() == "step-too-small",
            r.Response.ToString()));
        var accepted = results.Where(r => r.Response.Status == HttpStatusCode.OK).ToList();
        var sequences = accepted.Select(r => r.Response.Json.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        var transcript = (await Api.GetAsync(auditor, Api.TranscriptPath(auctionId))).Json;
        Assert.True(transcript.GetProperty("chainVerified").GetBoolean());
        var journaled = transcript.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "bid-accepted")
            .Select(e => JsonDocument.Parse(e.GetProperty("payload").GetString()!).RootElement.GetProperty("bidId").GetString())
            .ToList();
        Assert.Equal(accepted.Select(a => a.BidId).Order(), journaled.Order());
        var view = (await Api.GetAsync(auditor, Api.AuctionPath(auctionId))).Json;
        Assert.Equal(accepted.Count, view.GetProperty("bidCount").GetInt32());
    }

    [Fact]
    public async Task BidAsync_BidIdOfAnotherSuppliersBid_Returns422InvalidAndChangesNothing()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");
        using var supplier2 = await fixture.ClientAsync("supplier2");
        var bidId = Guid.NewGuid().ToString();
        Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 980_000.00m, bidId));

        var response = await Api.BidAsync(supplier2, auctionId, 970_000.00m, bidId);

        Api.AssertRefused(response, "invalid");
        Api.AssertNoOtherSupplierIds(response.Text, "supplier2");
    }

    [Fact]
    public async Task BidAsync_RefusedBids_ChangeNothing()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");
        using var officer = await fixture.ClientAsync("officer1");
        var before = (await Api.GetAsync(officer, Api.AuctionPath(auctionId))).Json;

        Api.AssertRefused(await Api.BidAsync(supplier1, auctionId, 989_999.00m), "step-too-small");
        Api.AssertRefused(await Api.BidAsync(supplier1, auctionId, 1_500_000.00m), "above-ceiling");
        Api.AssertRefused(await Api.BidAsync(supplier1, auctionId, 100_000.00m), "step-too-large");
        var after = (await Api.GetAsync(officer, Api.AuctionPath(auctionId))).Json;

        Assert.Equal(before.GetProperty("sequence").GetInt64(), after.GetProperty("sequence").GetInt64());
        Assert.Equal(before.GetProperty("endsAt").GetString(), after.GetProperty("endsAt").GetString());
        Assert.Equal(before.GetProperty("ladder").GetRawText(), after.GetProperty("ladder").GetRawText());
        var refusals = after.GetProperty("refusalCounts");
        Assert.Equal(1, refusals.GetProperty("step-too-small").GetInt32());
        Assert.Equal(1, refusals.GetProperty("above-ceiling").GetInt32());
        Assert.Equal(1, refusals.GetProperty("step-too-large").GetInt32());
    }

    public static TheoryData<string, string, int, string> BadBodies => new()
    {
        { "malformed JSON", """{"amount": 9""", 400, "invalid" },
        { "not an object", "[1, 2, 3]", 400, "invalid" },
        { "null body", "null", 400, "invalid" },
        { "amount as a string", $$"""{"amount": "950000.00", "bidId": "{{Guid.NewGuid()}}"}""", 400, "invalid" },
        { "amount 1e30", $$"""{"amount": 1e30, "bidId": "{{Guid.NewGuid()}}"}""", 400, "invalid" },
        { "amount missing", $$"""{"bidId": "{{Guid.NewGuid()}}"}""", 400, "validation" },
        { "confirm as a string", $$"""{"amount": 980000, "bidId": "{{Guid.NewGuid()}}", "confirm": "yes"}""", 400, "invalid" },
        { "negative amount", $$"""{"amount": -980000, "bidId": "{{Guid.NewGuid()}}"}""", 422, "not-positive" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BidAsync_BadBody_ReturnsClear4xxProblemAndHostStillTakesBids(string scenario, string body, int status, string code)
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");

        var response = await Api.PostRawAsync(supplier1, Api.BidsPath(auctionId), body);

        Assert.True((int)response.Status == status, $"{scenario}: {response}");
        Api.AssertProblem(response, (HttpStatusCode)status, code);
        if (code == "validation")
        {
            Assert.True(response.Json.GetProperty("errors").TryGetProperty("amount", out _), response.Text);
        }

        Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 980_000.00m));
    }

    [Fact]
    public async Task BidAsync_NotJsonContentType_Returns415AndHostStillTakesBids()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");

        var response = await Api.PostRawAsync(supplier1, Api.BidsPath(auctionId), Api.BidBody(980_000.00m, Guid.NewGuid().ToString()), "text/plain");

        Assert.True(response.Status == HttpStatusCode.UnsupportedMediaType, $"{response} headers: {response.Headers}");
        Api.AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "invalid");
        Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 980_000.00m));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not.a.jwt")]
    public async Task BidAsync_MissingOrForgedToken_Returns401AndHostStillTakesBids(string? token)
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var anonymous = fixture.Host.Client(token);
        using var supplier1 = await fixture.ClientAsync("supplier1");

        var response = await Api.BidAsync(anonymous, auctionId, 980_000.00m);

        Api.AssertProblem(response, HttpStatusCode.Unauthorized, "unauthenticated");
        Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 980_000.00m));
    }

    [Fact]
    public async Task BidAsync_TokenWithTamperedSubject_Returns401()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        var parts = (await fixture.TokenAsync("supplier1")).Split('.');
        var claims = System.Text.Encoding.UTF8.GetString(Base64UrlDecode(parts[1])).Replace("\"supplier1\"", "\"supplier2\"", StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(claims))}.{parts[2]}";
        using var client = fixture.Host.Client(forged);

        var response = await Api.BidAsync(client, auctionId, 900_000.00m, confirm: true);

        Api.AssertProblem(response, HttpStatusCode.Unauthorized, "unauthenticated");
        await AssertNoBidRecordedAsync(auctionId);
    }

    [Theory]
    [InlineData("NO-SUCH-AUCTION-4711")]
    [InlineData("not a valid id")]
    public async Task BidAsync_UnknownAuction_Returns404AndHostStillTakesBids(string unknown)
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");

        var response = await Api.BidAsync(supplier1, unknown, 980_000.00m);

        Api.AssertProblem(response, HttpStatusCode.NotFound, "not-found");
        Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 980_000.00m));
    }

    private async Task AssertNoBidRecordedAsync(string auctionId)
    {
        using var officer = await fixture.ClientAsync("officer1");
        var view = (await Api.GetAsync(officer, Api.AuctionPath(auctionId))).Json;
        Assert.Equal(0, view.GetProperty("bidCount").GetInt32());
    }

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
