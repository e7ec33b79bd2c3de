namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// The grain's persisted state: only the terms and who created the auction. It is written once; the history
/// (bids, extensions, phases) lives in the journal, so the state row stays small.
/// </summary>
[GenerateSerializer, Alias("CompraNet.AuctionState")]
public sealed class AuctionState
{
    [Id(0)] public AuctionTerms? Terms { get; set; }

    [Id(1)] public DateTimeOffset CreatedAt { get; set; }

    [Id(2)] public string? CreatedBy { get; set; }
}
