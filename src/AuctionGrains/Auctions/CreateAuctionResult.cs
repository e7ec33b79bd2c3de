namespace CompraNet.AuctionGrains.Auctions;

/// <summary>The outcome of creating an auction: created, already there, or invalid with per-field errors.</summary>
[GenerateSerializer, Immutable, Alias("CompraNet.CreateAuctionResult")]
public sealed record CreateAuctionResult(
    [property: Id(0)] CreateAuctionOutcome Outcome,
    [property: Id(1)] IReadOnlyDictionary<string, string[]> Errors);
