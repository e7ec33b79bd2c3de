using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionHost.Realtime;

/// <summary>What the server calls on a connected client (PROTOCOL.md "Live updates").</summary>
public interface IAuctionClient
{
    /// <summary>After every change this caller may see; the latest sequence wins.</summary>
    Task AuctionUpdated(AuctionView view);

    /// <summary>Once, at the close, with the final ranking.</summary>
    Task AuctionClosed(AuctionView view);
}
