namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// One line of a ladder. Bidders' ladders carry only <see cref="Label"/>, <see cref="Amount"/> and <see cref="Score"/>;
/// officers' ladders add the identity, coefficient, time and sequence.
/// </summary>
[GenerateSerializer, Immutable, Alias("CompraNet.LadderEntry")]
public sealed record LadderEntry(
    [property: Id(0)] int? Rank,
    [property: Id(1)] string? SupplierId,
    [property: Id(2)] string Label,
    [property: Id(3)] decimal Amount,
    [property: Id(4)] decimal Score,
    [property: Id(5)] decimal? Coefficient,
    [property: Id(6)] DateTimeOffset? At,
    [property: Id(7)] long? Sequence);
