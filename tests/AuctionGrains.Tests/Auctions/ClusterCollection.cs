namespace CompraNet.AuctionGrains.Tests.Auctions;

/// <summary>The grain tests share one in-process cluster; xunit runs a collection's tests one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Auction cluster";
}
