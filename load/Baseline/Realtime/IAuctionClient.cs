using CompraNet.Baseline.Auctions;

namespace CompraNet.Baseline.Realtime;

/// <summary>What the server calls on a joined client: the engine's <c>AuctionUpdated</c>, after every accepted bid.</summary>
public interface IAuctionClient
{
    Task AuctionUpdated(AuctionView view);
}
