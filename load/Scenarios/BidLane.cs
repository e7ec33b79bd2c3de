namespace CompraNet.AuctionLoad.Scenarios;

/// <summary>
/// One bidder's bidding in one auction: strictly decreasing amounts, a minimum step apart, starting just under the
/// ceiling. An amount is used once whatever its fate, so a lost or refused bid never makes the next one too high.
/// </summary>
public sealed class BidLane(string auctionId, decimal ceiling, decimal step)
{
    private decimal _next = ceiling - 1m;

    public string AuctionId { get; } = auctionId;

    public decimal TakeAmount()
    {
        var amount = _next;
        _next -= step;
        return amount;
    }
}
