namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// The write pipeline of one auction, for operators and tests: the last sequence decided in memory, the last one
/// durable, and how many entries wait for the next write. A growing gap means storage is falling behind.
/// </summary>
[GenerateSerializer, Immutable, Alias("CompraNet.AuctionEngineStatus")]
public sealed record AuctionEngineStatus(
    [property: Id(0)] long SequencedThrough,
    [property: Id(1)] long DurableThrough,
    [property: Id(2)] int PendingEntries,
    [property: Id(3)] bool WriteInFlight);
