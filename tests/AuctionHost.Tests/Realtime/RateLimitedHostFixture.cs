using CompraNet.AuctionHost.Tests.Auctions;

namespace CompraNet.AuctionHost.Tests.Realtime;

/// <summary>A host of its own with a tight bid limit: one bid a second per supplier, bursts of two.</summary>
public sealed class RateLimitedHostFixture : AuctionHostFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["CompraNet:Realtime:MaxBidsPerSupplierPerSecond"] = "1",
        ["CompraNet:Realtime:BidBurst"] = "2",
    };
}
