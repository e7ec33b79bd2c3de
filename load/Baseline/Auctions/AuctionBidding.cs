using System.Security.Claims;
using CompraNet.Baseline.Accounts;
using CompraNet.Baseline.Realtime;
using Microsoft.AspNetCore.SignalR;
using Npgsql;

namespace CompraNet.Baseline.Auctions;

/// <summary>
/// The one bid path behind the hub and the REST endpoint: the bidder is the token's subject; the bid is decided and
/// committed in the store's transaction; the accepted bid's view goes to the auction's group after the commit,
/// without the bidder's acknowledgement waiting for it.
/// </summary>
public sealed class AuctionBidding(AuctionStore store, IHubContext<AuctionHub, IAuctionClient> hub, ILogger<AuctionBidding> logger)
{
    public async Task<BidResult> PlaceAsync(ClaimsPrincipal? user, string auctionId, decimal amount, string? bidId, CancellationToken cancellationToken)
    {
        var id = Guid.TryParse(bidId, out var parsed) ? parsed : Guid.Empty;
        if (Roles.SupplierIdOf(user) is not { } supplierId)
        {
            return BidResult.Refused(id, amount, RefusalCodes.NotEligible, "Only a supplier signed in as itself can bid.");
        }

        if (id == Guid.Empty)
        {
            return BidResult.Refused(id, amount, RefusalCodes.Invalid, "bidId must be a UUID chosen by the client.");
        }

        if (decimal.Round(amount, 2) != amount)
        {
            return BidResult.Refused(id, amount, RefusalCodes.Invalid, "An amount has at most 2 decimals.");
        }

        BidOutcome outcome;
        try
        {
            outcome = await store.PlaceBidAsync(auctionId, supplierId, amount, id, cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            logger.LogWarning(ex, "Bid {BidId} on {AuctionId} failed in PostgreSQL.", id, auctionId);
            return BidResult.Refused(id, amount, RefusalCodes.Unavailable, "The bid could not be recorded; nothing was recorded. Send the same bidId again.");
        }

        if (outcome.Update is { } update)
        {
            _ = BroadcastAsync(auctionId, update);
        }

        return outcome.Result;
    }

    private async Task BroadcastAsync(string auctionId, AuctionView view)
    {
        try
        {
            await hub.Clients.Group(AuctionHub.GroupFor(auctionId)).AuctionUpdated(view);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nobody awaits this task: a failed push is logged here rather than lost as an unobserved exception.
            logger.LogWarning(ex, "Pushing sequence {Sequence} of {AuctionId} failed.", view.Sequence, auctionId);
        }
    }
}
