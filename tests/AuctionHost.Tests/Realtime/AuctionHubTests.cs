using System.Text.Json;
using CompraNet.AuctionHost.Http;
using CompraNet.AuctionHost.Tests.Auctions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CompraNet.AuctionHost.Tests.Realtime;

/// <summary>
/// The live channel <c>/hubs/auctions</c> with several clients at once (PROTOCOL.md "Live updates" and "Views";
/// auction-rules.md rules 3, 7, 8): each audience receives its own view, raw JSON never carries another bidder's id
/// before the close, the close arrives once per audience with the ranking, and bad calls leave the connection usable.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AuctionHubTests(AuctionHostFixture fixture) : IClassFixture<AuctionHostFixture>
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AuctionUpdated_BidsViaHubAndRest_EachAudienceReceivesItsOwnView()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        await using var officer = await ConnectAsync("officer1");
        await using var supplier1 = await ConnectAsync("supplier1");
        await using var supplier2 = await ConnectAsync("supplier2");
        await using var audience = await ConnectAsync(null);
        var joined = await Task.WhenAll(officer.JoinAsync(auctionId), supplier1.JoinAsync(auctionId), supplier2.JoinAsync(auctionId), audience.JoinAsync(auctionId));
        Assert.Equal(["supplier2", "supplier1", "supplier5"], Api.SupplierIdsOf(joined[0].GetProperty("ladder")));
        Assert.Equal(2, joined[1].GetProperty("myRank").GetInt32());
        Assert.Equal(1, joined[2].GetProperty("myRank").GetInt32());
        Assert.Equal(0, joined[3].GetProperty("bidCount").GetInt32());

        var viaHub = await supplier1.PlaceBidAsync(auctionId, 980_000.00m);
        var first = viaHub.GetProperty("sequence").GetInt64();
        var afterHubBid = await Task.WhenAll(
            officer.WaitForUpdateAsync(auctionId, first), supplier1.WaitForUpdateAsync(auctionId, first),
            supplier2.WaitForUpdateAsync(auctionId, first), audience.WaitForUpdateAsync(auctionId, first));
        using var rest = await fixture.ClientAsync("supplier2");
        var viaRest = Api.AssertAccepted(await Api.BidAsync(rest, auctionId, 975_000.00m));
        var second = viaRest.GetProperty("sequence").GetInt64();
        var afterRestBid = await Task.WhenAll(
            officer.WaitForUpdateAsync(auctionId, second), supplier1.WaitForUpdateAsync(auctionId, second),
            supplier2.WaitForUpdateAsync(auctionId, second), audience.WaitForUpdateAsync(auctionId, second));

        Assert.Equal("accepted", viaHub.GetProperty("status").GetString());
        Assert.Equal(1, viaHub.GetProperty("rank").GetInt32());
        Api.AssertNoOtherSupplierIds(viaHub.GetRawText(), "supplier1");

        AssertOfficerView(afterHubBid[0], ["supplier1", "supplier2", "supplier5"]);
        AssertSupplierView(afterHubBid[1], "supplier1", rank: 1, leading: "leading");
        AssertSupplierView(afterHubBid[2], "supplier2", rank: 2, leading: "not-leading");
        AssertPublicView(afterHubBid[3], bidCount: 1);

        AssertOfficerView(afterRestBid[0], ["supplier2", "supplier1", "supplier5"]);
        AssertSupplierView(afterRestBid[1], "supplier1", rank: 2, leading: "not-leading");
        AssertSupplierView(afterRestBid[2], "supplier2", rank: 1, leading: "leading");
        AssertPublicView(afterRestBid[3], bidCount: 2);

        foreach (var client in new[] { officer, supplier1, supplier2, audience })
        {
            var sequences = client.Received(HubClient.Updated, auctionId).Select(u => u.GetProperty("sequence").GetInt64()).ToList();
            Assert.True(sequences.SequenceEqual(sequences.Order()), $"{client.Name} received updates out of order: {string.Join(", ", sequences)}");
        }

        foreach (var (client, self) in new[] { (supplier1, "supplier1"), (supplier2, "supplier2"), (audience, (string?)null) })
        {
            foreach (var view in client.Received(HubClient.Updated, auctionId))
            {
                Api.AssertNoOtherSupplierIds(view.GetRawText(), self);
            }
        }
    }

    [Fact]
    public async Task AuctionUpdated_LeadingBidInTheSoftCloseWindow_CarriesTheExtendedCloseToEveryAudience()
    {
        var auctionId = await fixture.CreateAuctionAsync(body =>
        {
            body["endsAt"] = DateTimeOffset.UtcNow.AddMinutes(2);
            body["softClose"] = new { windowSeconds = 600, extendSeconds = 900, maxExtensions = 1, trigger = "leader" };
        });
        await using var supplier2 = await ConnectAsync("supplier2");
        await using var audience = await ConnectAsync(null);
        var joined = await supplier2.JoinAsync(auctionId);
        await audience.JoinAsync(auctionId);
        var scheduledEnd = Api.AssertUtc(joined, "endsAt");
        using var supplier1 = await fixture.ClientAsync("supplier1");
        using var officer = await fixture.ClientAsync("officer1");

        Api.AssertRefused(await Api.BidAsync(supplier1, auctionId, 989_500.00m), "step-too-small");
        var afterRefusal = (await Api.GetAsync(officer, Api.AuctionPath(auctionId))).Json;
        var notLeading = Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 986_000.00m));
        var afterNotLeading = (await Api.GetAsync(officer, Api.AuctionPath(auctionId))).Json;
        var leading = Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 980_000.00m));
        var sequence = leading.GetProperty("sequence").GetInt64();
        var updates = await Task.WhenAll(supplier2.WaitForUpdateAsync(auctionId, sequence + 1), audience.WaitForUpdateAsync(auctionId, sequence + 1));
        var beyondCap = Api.AssertAccepted(await Api.BidAsync(supplier1, auctionId, 970_000.00m));

        Assert.Equal(scheduledEnd, Api.AssertUtc(afterRefusal, "endsAt"));
        Assert.Equal(scheduledEnd, Api.AssertUtc(afterNotLeading, "endsAt"));
        Assert.Equal(0, notLeading.GetProperty("view").GetProperty("extensions").GetInt32());
        Assert.Equal(1, leading.GetProperty("view").GetProperty("extensions").GetInt32());
        foreach (var update in updates)
        {
            Assert.Equal(1, update.GetProperty("extensions").GetInt32());
            var extendedEnd = Api.AssertUtc(update, "endsAt");
            Assert.True(extendedEnd > scheduledEnd.AddMinutes(10), $"endsAt {extendedEnd:O} was not extended from {scheduledEnd:O}");
        }

        Assert.Equal(1, beyondCap.GetProperty("view").GetProperty("extensions").GetInt32());
        Assert.Equal(Api.AssertUtc(updates[0], "endsAt"), Api.AssertUtc(beyondCap.GetProperty("view"), "endsAt"));
    }

    [Fact]
    public async Task AuctionClosed_AtTheClose_ArrivesOncePerAudienceWithTheRanking()
    {
        await using var officer = await ConnectAsync("officer1");
        await using var supplier1 = await ConnectAsync("supplier1");
        await using var supplier2 = await ConnectAsync("supplier2");
        await using var audience = await ConnectAsync(null);
        HubClient[] clients = [officer, supplier1, supplier2, audience];
        var sentinel = await fixture.CreateAuctionAsync();
        var auctionId = await fixture.CreateShortAuctionAsync(TimeSpan.FromSeconds(4));
        var joined = await Task.WhenAll(clients.Select(c => c.JoinAsync(auctionId)));
        await Task.WhenAll(clients.Select(c => c.JoinAsync(sentinel)));
        Assert.All(joined, view => Assert.Equal("open", view.GetProperty("status").GetString()));
        using var bidder = await fixture.ClientAsync("supplier1");
        Api.AssertAccepted(await Api.BidAsync(bidder, auctionId, 980_000.00m));

        var closed = await Task.WhenAll(clients.Select(c => c.WaitForClosedAsync(auctionId, CloseTimeout)));
        // Nothing may follow: after an update of another auction has reached every connection, each still has one close.
        var marker = Api.AssertAccepted(await Api.BidAsync(bidder, sentinel, 980_000.00m)).GetProperty("sequence").GetInt64();
        await Task.WhenAll(clients.Select(c => c.WaitForUpdateAsync(sentinel, marker)));

        foreach (var (client, view) in clients.Zip(closed))
        {
            Assert.Equal("closed", view.GetProperty("status").GetString());
            var ranking = view.GetProperty("ranking");
            Assert.Equal(["supplier1", "supplier2", "supplier5"], Api.SupplierIdsOf(ranking));
            Assert.Equal([1, 2, 3], ranking.EnumerateArray().Select(r => r.GetProperty("rank").GetInt32()));
            Assert.Equal(980_000.00m, Api.AssertMoney(ranking[0], "amount"));
            Assert.Equal(980_000.00m, Api.AssertMoney(ranking[0], "score"));
            Assert.Single(client.Received(HubClient.Closed, auctionId));
            Assert.Contains(client.Received(HubClient.Updated, auctionId), u => u.GetProperty("status").GetString() == "closed");
        }

        Assert.Equal("officer", closed[0].GetProperty("audience").GetString());
        Assert.Equal(1, closed[1].GetProperty("myRank").GetInt32());
        Assert.Equal(2, closed[2].GetProperty("myRank").GetInt32());
        Assert.Equal("public", closed[3].GetProperty("audience").GetString());
        Assert.Equal(1, closed[3].GetProperty("bidCount").GetInt32());
    }

    [Fact]
    public async Task PlaceBid_AfterTheClose_IsRefusedClosed()
    {
        await using var supplier2 = await ConnectAsync("supplier2");
        var auctionId = await fixture.CreateShortAuctionAsync(TimeSpan.FromSeconds(3));
        await supplier2.JoinAsync(auctionId);
        await supplier2.WaitForClosedAsync(auctionId, CloseTimeout);

        var result = await supplier2.PlaceBidAsync(auctionId, 900_000.00m);

        Assert.Equal("refused", result.GetProperty("status").GetString());
        Assert.Equal("closed", result.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Leave_AfterLeaving_ConnectionStopsReceivingUpdates()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        var other = await fixture.CreateAuctionAsync();
        await using var officer = await ConnectAsync("officer1");
        await using var leavingSupplier = await ConnectAsync("supplier2");
        await using var leavingPublic = await ConnectAsync(null);
        HubClient[] leavers = [leavingSupplier, leavingPublic];
        await officer.JoinAsync(auctionId);
        foreach (var leaver in leavers)
        {
            await leaver.JoinAsync(auctionId);
            await leaver.JoinAsync(other);
        }

        using var bidder = await fixture.ClientAsync("supplier1");
        var before = Api.AssertAccepted(await Api.BidAsync(bidder, auctionId, 989_000.00m)).GetProperty("sequence").GetInt64();
        await Task.WhenAll(leavers.Select(l => l.WaitForUpdateAsync(auctionId, before)));

        await Task.WhenAll(leavers.Select(l => l.LeaveAsync(auctionId)));
        var left = Api.AssertAccepted(await Api.BidAsync(bidder, auctionId, 980_000.00m)).GetProperty("sequence").GetInt64();
        await officer.WaitForUpdateAsync(auctionId, left);
        // The broadcaster sends auctions in order, and a connection receives in order: once this update of the
        // other auction has arrived, an update of the left auction would have arrived before it.
        var marker = Api.AssertAccepted(await Api.BidAsync(bidder, other, 980_000.00m)).GetProperty("sequence").GetInt64();
        await Task.WhenAll(leavers.Select(l => l.WaitForUpdateAsync(other, marker)));

        foreach (var leaver in leavers)
        {
            Assert.DoesNotContain(leaver.Received(HubClient.Updated, auctionId), u => u.GetProperty("sequence").GetInt64() >= left);
        }
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("")]
    public async Task PlaceBid_BidIdNotAUuid_ReturnsInvalidAndTheConnectionKeepsWorking(string bidId)
    {
        var auctionId = await fixture.CreateAuctionAsync();
        await using var supplier1 = await ConnectAsync("supplier1");
        await supplier1.JoinAsync(auctionId);

        var refused = await supplier1.PlaceBidAsync(auctionId, 980_000.00m, bidId);
        var accepted = await supplier1.PlaceBidAsync(auctionId, 980_000.00m);

        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.Equal("invalid", refused.GetProperty("code").GetString());
        Assert.Equal(HubConnectionState.Connected, supplier1.Connection.State);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        await supplier1.WaitForUpdateAsync(auctionId, accepted.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task PlaceBid_MoreThanTwoDecimals_ReturnsInvalid()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        await using var supplier1 = await ConnectAsync("supplier1");

        var result = await supplier1.PlaceBidAsync(auctionId, 980_000.001m);

        Assert.Equal("invalid", result.GetProperty("code").GetString());
    }

    [Fact]
    public async Task PlaceBid_FatFingerThenConfirmed_RefusedThenAccepted()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        await using var supplier1 = await ConnectAsync("supplier1");
        var bidId = Guid.NewGuid().ToString();

        var refused = await supplier1.PlaceBidAsync(auctionId, 500_000.00m, bidId);
        var confirmed = await supplier1.PlaceBidAsync(auctionId, 500_000.00m, bidId, confirm: true);
        var repeated = await supplier1.PlaceBidAsync(auctionId, 500_000.00m, bidId, confirm: true);

        Assert.Equal("step-too-large", refused.GetProperty("code").GetString());
        Assert.Equal("accepted", confirmed.GetProperty("status").GetString());
        Assert.Equal(confirmed.GetProperty("sequence").GetInt64(), repeated.GetProperty("sequence").GetInt64());
    }

    [Theory]
    [InlineData(null, "not-eligible")]
    [InlineData("officer1", "not-eligible")]
    [InlineData("supplier4", "not-eligible")]
    [InlineData("supplier5", "sanctioned")]
    public async Task PlaceBid_NotAnEligibleBidder_IsRefusedAndNothingIsRecorded(string? username, string code)
    {
        var auctionId = await fixture.CreateAuctionAsync();
        await using var caller = await ConnectAsync(username);
        await caller.JoinAsync(auctionId);

        var result = await caller.PlaceBidAsync(auctionId, 900_000.00m, confirm: true);

        Assert.Equal("refused", result.GetProperty("status").GetString());
        Assert.Equal(code, result.GetProperty("code").GetString());
        Assert.Equal(HubConnectionState.Connected, caller.Connection.State);
        using var officer = await fixture.ClientAsync("officer1");
        Assert.Equal(0, (await Api.GetAsync(officer, Api.AuctionPath(auctionId))).Json.GetProperty("bidCount").GetInt32());
    }

    [Theory]
    [InlineData("NO-SUCH-AUCTION-4711")]
    [InlineData("not a valid id")]
    public async Task PlaceBid_UnknownAuction_IsRefusedAndTheConnectionKeepsWorking(string unknown)
    {
        var auctionId = await fixture.CreateAuctionAsync();
        await using var supplier1 = await ConnectAsync("supplier1");

        var refused = await supplier1.PlaceBidAsync(unknown, 980_000.00m);
        var accepted = await supplier1.PlaceBidAsync(auctionId, 980_000.00m);

        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(refused.GetProperty("code").GetString()));
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("NO-SUCH-AUCTION-4711")]
    [InlineData("not a valid id")]
    public async Task Join_UnknownAuction_ThrowsHubExceptionAndTheConnectionKeepsWorking(string unknown)
    {
        var auctionId = await fixture.CreateAuctionAsync();
        await using var audience = await ConnectAsync(null);

        var error = await Assert.ThrowsAsync<HubException>(() => audience.JoinAsync(unknown));
        var view = await audience.JoinAsync(auctionId);

        Assert.Contains("unknown-auction", error.Message, StringComparison.Ordinal);
        Assert.Equal(auctionId, view.GetProperty("auctionId").GetString());
    }

    [Fact]
    public async Task Join_UninvitedSupplier_GetsThePublicViewAndPublicUpdates()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        await using var supplier4 = await ConnectAsync("supplier4");

        var joined = await supplier4.JoinAsync(auctionId);
        using var bidder = await fixture.ClientAsync("supplier1");
        var sequence = Api.AssertAccepted(await Api.BidAsync(bidder, auctionId, 980_000.00m)).GetProperty("sequence").GetInt64();
        var update = await supplier4.WaitForUpdateAsync(auctionId, sequence);

        Assert.Equal("public", joined.GetProperty("audience").GetString());
        AssertPublicView(update, bidCount: 1);
    }

    [Fact]
    public async Task Join_TokenAsAccessTokenQueryParameter_IdentifiesTheSupplier()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        var token = await fixture.TokenAsync("supplier2");
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Host.BaseAddress, $"/hubs/auctions?access_token={Uri.EscapeDataString(token)}"))
            .AddJsonProtocol(options => JsonDefaults.Apply(options.PayloadSerializerOptions))
            .Build();
        await using var supplier2 = await HubClient.StartAsync(connection, "supplier2 (query)");

        var view = await supplier2.JoinAsync(auctionId);
        var bid = await supplier2.PlaceBidAsync(auctionId, 975_000.00m);

        Assert.Equal("supplier", view.GetProperty("audience").GetString());
        Assert.Equal(1, view.GetProperty("myRank").GetInt32());
        Assert.Equal("accepted", bid.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Join_ReturnsTheWireFormat_KebabCaseEnumsUtcTimesAndMoneyNumbers()
    {
        var auctionId = await fixture.CreateAuctionAsync(body => body["tieRule"] = "must-beat");
        await using var supplier2 = await ConnectAsync("supplier2");

        var view = await supplier2.JoinAsync(auctionId);

        Assert.Equal("lead-rank", view.GetProperty("feedback").GetString());
        Assert.Equal("must-beat", view.GetProperty("tieRule").GetString());
        Assert.Equal("leading", view.GetProperty("leading").GetString());
        Assert.Equal("open", view.GetProperty("status").GetString());
        Api.AssertUtc(view, "serverTime");
        Api.AssertUtc(view, "startsAt");
        Api.AssertUtc(view, "endsAt");
        Assert.Equal(1_000_000.00m, Api.AssertMoney(view, "ceilingPrice"));
        Assert.Equal(985_000.00m, Api.AssertMoney(view, "myBest"));
        Assert.False(view.TryGetProperty("ranking", out _));
    }

    private async Task<HubClient> ConnectAsync(string? username) =>
        await HubClient.ConnectAsync(fixture.Host, username is null ? null : await fixture.TokenAsync(username), username ?? "public");

    private static void AssertOfficerView(JsonElement view, string[] ladder)
    {
        Assert.Equal("officer", view.GetProperty("audience").GetString());
        Assert.Equal(ladder, Api.SupplierIdsOf(view.GetProperty("ladder")));
        Api.AssertUtc(view, "serverTime");
    }

    private static void AssertSupplierView(JsonElement view, string self, int rank, string leading)
    {
        Assert.Equal("supplier", view.GetProperty("audience").GetString());
        Assert.Equal(rank, view.GetProperty("myRank").GetInt32());
        Assert.Equal(leading, view.GetProperty("leading").GetString());
        Assert.Equal("lead-rank", view.GetProperty("feedback").GetString());
        Assert.False(view.TryGetProperty("ladder", out _));
        Api.AssertUtc(view, "serverTime");
        Api.AssertNoOtherSupplierIds(view.GetRawText(), self);
    }

    private static void AssertPublicView(JsonElement view, int bidCount)
    {
        Assert.Equal("public", view.GetProperty("audience").GetString());
        Assert.Equal(bidCount, view.GetProperty("bidCount").GetInt32());
        foreach (var hidden in new[] { "ladder", "myRank", "leading", "ranking", "latestBids" })
        {
            Assert.False(view.TryGetProperty(hidden, out _), $"The public view has {hidden}: {view}");
        }

        Api.AssertNoOtherSupplierIds(view.GetRawText(), self: null);
    }
}
