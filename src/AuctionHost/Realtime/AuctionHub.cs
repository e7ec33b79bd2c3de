using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionHost.Accounts;
using CompraNet.AuctionHost.Auctions;
using Microsoft.AspNetCore.SignalR;

namespace CompraNet.AuctionHost.Realtime;

/// <summary>
/// The live channel of PROTOCOL.md: bidders, officers and the public join an auction's group for their audience
/// and receive its views; suppliers bid. Who the caller is comes from the connection's token, never from arguments.
/// </summary>
public sealed class AuctionHub(IGrainFactory grains, AuctionBidding bidding) : Hub<IAuctionClient>
{
    public static string GroupFor(string auctionId, Viewer viewer) => viewer.Audience switch
    {
        Audience.Officer => $"auction:{auctionId}:officers",
        Audience.Supplier => $"auction:{auctionId}:supplier:{viewer.SupplierId}",
        _ => $"auction:{auctionId}:public",
    };

    /// <summary>Subscribes the connection to the caller's audience of the auction and returns its current view.</summary>
    public async Task<AuctionView> Join(string auctionId)
    {
        if (!AuctionIds.IsValid(auctionId))
        {
            throw new HubException("unknown-auction: no auction has this id.");
        }

        // Subscribe before reading: an update racing the read then arrives too, and the client orders by sequence.
        var viewer = Roles.ViewerOf(Context.User);
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(auctionId, viewer));
        var snapshot = await grains.GetGrain<IAuctionGrain>(auctionId).GetSnapshotAsync();
        if (snapshot is null)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupFor(auctionId, viewer));
            throw new HubException("unknown-auction: no auction has this id.");
        }

        if (viewer.Audience == Audience.Supplier && !snapshot.Labels.ContainsKey(viewer.SupplierId!))
        {
            // A supplier that is not invited watches as the public does.
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(auctionId, Viewer.Public));
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupFor(auctionId, viewer));
            viewer = Viewer.Public;
        }

        return AuctionViews.For(snapshot, viewer);
    }

    public Task<BidResult> PlaceBid(string auctionId, decimal amount, string bidId, bool confirm) =>
        bidding.PlaceAsync(Context.User, auctionId, amount, bidId, confirm);

    public async Task Leave(string auctionId)
    {
        if (!AuctionIds.IsValid(auctionId))
        {
            return;
        }

        var viewer = Roles.ViewerOf(Context.User);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupFor(auctionId, viewer));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupFor(auctionId, Viewer.Public));
    }
}
