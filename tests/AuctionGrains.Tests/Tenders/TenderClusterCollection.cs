namespace CompraNet.AuctionGrains.Tests.Tenders;

/// <summary>The tender grain tests share one in-process cluster; xunit runs a collection's tests one after another.</summary>
[CollectionDefinition(Name)]
public sealed class TenderClusterCollection : ICollectionFixture<TenderClusterFixture>
{
    public const string Name = "Tender cluster";
}
