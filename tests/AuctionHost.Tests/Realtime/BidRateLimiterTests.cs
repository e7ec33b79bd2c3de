using System.Net;
using CompraNet.AuctionHost.Tests.Auctions;

namespace CompraNet.AuctionHost.Tests.Realtime;

/// <summary>
/// The per-supplier bid limit (auction-rules.md: API bidders on equal terms, no flooding) on a host configured with
/// <c>MaxBidsPerSupplierPerSecond=1</c> and <c>BidBurst=2</c>. A supplier's bucket is created full at its first bid
/// and first refills a second later, so three bids sent back to back meet an empty bucket on the third.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BidRateLimiterTests(RateLimitedHostFixture fixture) : IClassFixture<RateLimitedHostFixture>
{
    [Fact]
    public async Task BidAsync_ThirdRapidBid_Returns422RateLimitedWithRetryAfterWhileAnotherSupplierStillBids()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        using var supplier1 = await fixture.ClientAsync("supplier1");
        using var supplier2 = await fixture.ClientAsync("supplier2");
        using var officer = await fixture.ClientAsync("officer1");
        Api.AssertAccepted(await Api.BidAsync(supplier2, auctionId, 984_000.00m));

        var first = await Api.BidAsync(supplier1, auctionId, 989_000.00m);
        var second = await Api.BidAsync(supplier1, auctionId, 988_000.00m);
        var third = await Api.BidAsync(supplier1, auctionId, 987_000.00m);
        var other = await Api.BidAsync(supplier2, auctionId, 983_000.00m);

        Api.AssertAccepted(first);
        Api.AssertAccepted(second);
        var refused = Api.AssertRefused(third, "rate-limited");
        Assert.Equal(987_000.00m, Api.AssertMoney(refused, "amount"));
        var retryAfter = third.Headers.RetryAfter;
        Assert.NotNull(retryAfter);
        Assert.True(retryAfter.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {retryAfter}");
        Api.AssertAccepted(other);
        var ladder = (await Api.GetAsync(officer, Api.AuctionPath(auctionId))).Json.GetProperty("ladder");
        Assert.Equal("supplier1", ladder[1].GetProperty("supplierId").GetString());
        Assert.Equal(988_000.00m, Api.AssertMoney(ladder[1], "amount"));
    }

    [Fact]
    public async Task PlaceBid_HubAndRestTogether_ShareOneLimitPerSupplier()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        await using var hub = await HubClient.ConnectAsync(fixture.Host, await fixture.TokenAsync("supplier3"), "supplier3");
        using var rest = await fixture.ClientAsync("supplier3");
        await hub.JoinAsync(auctionId);

        var first = await hub.PlaceBidAsync(auctionId, 999_000.00m);
        var second = await hub.PlaceBidAsync(auctionId, 998_000.00m);
        var third = await Api.BidAsync(rest, auctionId, 997_000.00m);

        Assert.Equal("accepted", first.GetProperty("status").GetString());
        Assert.Equal("accepted", second.GetProperty("status").GetString());
        Api.AssertRefused(third, "rate-limited");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, third.Status);
    }

    [Fact]
    public async Task PlaceBid_ThirdRapidBidViaHub_ReturnsRateLimited()
    {
        var auctionId = await fixture.CreateAuctionAsync();
        await using var hub = await HubClient.ConnectAsync(fixture.Host, await fixture.TokenAsync("supplier4"), "supplier4");
        await hub.JoinAsync(auctionId);

        // supplier4 is not invited: each bid is refused not-eligible by the auction, but only after passing the limit.
        var first = await hub.PlaceBidAsync(auctionId, 999_000.00m);
        var second = await hub.PlaceBidAsync(auctionId, 998_000.00m);
        var third = await hub.PlaceBidAsync(auctionId, 997_000.00m);

        Assert.Equal("not-eligible", first.GetProperty("code").GetString());
        Assert.Equal("not-eligible", second.GetProperty("code").GetString());
        Assert.Equal("rate-limited", third.GetProperty("code").GetString());
    }
}
