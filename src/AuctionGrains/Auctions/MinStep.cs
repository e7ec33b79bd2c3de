namespace CompraNet.AuctionGrains.Auctions;

/// <summary>The minimum decrement of a bid: an amount or a percent, relative to the bidder's own bid or the leader's.</summary>
[GenerateSerializer, Immutable, Alias("CompraNet.MinStep")]
public sealed record MinStep(
    [property: Id(0)] StepKind Kind,
    [property: Id(1)] decimal Value,
    [property: Id(2)] StepReference RelativeTo);
