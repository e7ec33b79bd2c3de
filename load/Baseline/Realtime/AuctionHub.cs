using CompraNet.Baseline.Auctions;
using Microsoft.AspNetCore.SignalR;

namespace CompraNet.Baseline.Realtime;

/// <summary>
/// The engine's hub contract on the conventional design: <c>Join</c> answers the auction's view and subscribes the
/// connection to one group per auction (everyone sees the same view here); <c>PlaceBid</c> runs one transaction.
/// </summary>
public sealed class AuctionHub(AuctionStore store, AuctionBidding bidding) : Hub<IAuctionClient>
{
    public static string GroupFor(string auctionId) => $"auction:{auctionId}";

    public async Task<AuctionView> Join(string auctionId)
    {
        // Subscribe before reading: an update racing the read then arrives too, and the client orders by sequence.
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(auctionId));
        if (await store.GetViewAsync(auctionId, Context.ConnectionAborted) is { } view)
        {
            return view;
        }

        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupFor(auctionId));
        throw new HubException("unknown-auction: no auction has this id.");
    }

    /// <summary>The engine's signature; <paramref name="confirm"/> answers a fat-finger guard this design does not have.</summary>
    public Task<BidResult> PlaceBid(string auctionId, decimal amount, string bidId, bool confirm) =>
        bidding.PlaceAsync(Context.User, auctionId, amount, bidId, Context.ConnectionAborted);

    public Task Leave(string auctionId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupFor(auctionId));
}
