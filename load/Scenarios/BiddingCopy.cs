using CompraNet.AuctionLoad.Simulations;
using CompraNet.AuctionLoad.Targets;

namespace CompraNet.AuctionLoad.Scenarios;

/// <summary>
/// One copy of a bidding simulation: one bidder connection and the auctions it bids in, taken in turn. A copy runs
/// one bid at a time (the runner awaits each step), so its amounts reach the server in the order they were taken.
/// </summary>
public sealed class BiddingCopy(BidderConnection bidder, IReadOnlyList<BidLane> lanes)
{
    private int _turn;

    public BidderConnection Bidder { get; } = bidder;

    public IReadOnlyList<BidLane> Lanes { get; } = lanes;

    public Task<StepOutcome> BidAsync(CancellationToken cancellationToken)
    {
        var lane = Lanes[_turn];
        _turn = _turn + 1 == Lanes.Count ? 0 : _turn + 1;
        return Bidder.PlaceBidAsync(lane.AuctionId, lane.TakeAmount(), cancellationToken);
    }
}
