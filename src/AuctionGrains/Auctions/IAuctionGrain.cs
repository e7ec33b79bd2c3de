namespace CompraNet.AuctionGrains.Auctions;

/// <summary>One live auction (key: auction id = procedure number, "~lot" for a lot): sequences its bids in memory and acknowledges each once durable.</summary>
public interface IAuctionGrain : IGrainWithStringKey
{
    Task<CreateAuctionResult> CreateAsync(AuctionTerms terms, string createdBy);

    Task<BidResult> PlaceBidAsync(PlaceBid bid);

    /// <summary>The caller's view now; null when no auction has this id.</summary>
    Task<AuctionView?> GetViewAsync(Viewer viewer);

    /// <summary>The full picture now (trusted callers only: it holds identities); null when no auction has this id.</summary>
    Task<AuctionSnapshot?> GetSnapshotAsync();

    /// <summary>The write pipeline's state (operators, tests); never part of any audience's view.</summary>
    Task<AuctionEngineStatus> GetEngineStatusAsync();

    /// <summary>Applies what is due (opening, close) and re-arms the clock; the timer and the host's sweep call it.</summary>
    Task TickAsync();
}
