using System.Security.Claims;
using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionHost.Accounts;
using CompraNet.AuctionHost.Realtime;

namespace CompraNet.AuctionHost.Auctions;

/// <summary>
/// The one bid path behind the hub and the REST API: the bidder is the credential's subject, never a field of the
/// request; the id and amount are checked at the edge; the per-bidder limit applies; then the auction grain decides.
/// </summary>
public sealed class AuctionBidding(IGrainFactory grains, BidRateLimiter limiter, ILogger<AuctionBidding> logger)
{
    // Resolving a grain reference costs reflection and a lock inside Orleans; a hot auction takes thousands of bids
    // a second. Only auctions that exist are kept, so made-up ids cannot grow the cache.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IAuctionGrain> _auctions = new(StringComparer.Ordinal);

    public async Task<BidResult> PlaceAsync(ClaimsPrincipal? user, string? auctionId, decimal amount, string? bidId, bool confirm)
    {
        var parsedId = Guid.TryParse(bidId, out var id) ? id : Guid.Empty;
        var supplierId = Roles.SupplierIdOf(user);
        var bid = new PlaceBid(supplierId ?? string.Empty, amount, parsedId, confirm);
        if (!AuctionIds.IsValid(auctionId))
        {
            return BidResult.Refused(bid, RefusalCodes.UnknownAuction, "No auction has this id.");
        }

        if (supplierId is null)
        {
            return BidResult.Refused(bid, RefusalCodes.NotEligible, "Only a supplier signed in as itself can bid.");
        }

        if (parsedId == Guid.Empty)
        {
            return BidResult.Refused(bid, RefusalCodes.Invalid, "bidId must be a UUID chosen by the client, e.g. 6f1c2a4e-0b8d-4c4e-9a57-3f1d2e8b9c10.");
        }

        if (!limiter.TryAcquire(supplierId))
        {
            return BidResult.Refused(bid, RefusalCodes.RateLimited, "Too many bids from this bidder; slow down and send again.");
        }

        try
        {
            var known = _auctions.TryGetValue(auctionId, out var auction);
            auction ??= grains.GetGrain<IAuctionGrain>(auctionId);
            var result = await auction.PlaceBidAsync(bid);
            if (result.Code == RefusalCodes.Closed)
            {
                _auctions.TryRemove(auctionId, out _);
            }
            else if (!known && result.Code != RefusalCodes.UnknownAuction)
            {
                _auctions.TryAdd(auctionId, auction);
            }

            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Typically storage down while the grain activates: nothing was recorded, the bidder may retry.
            logger.LogWarning(ex, "Bid {BidId} on {AuctionId} failed in the engine.", parsedId, auctionId);
            return BidResult.Refused(bid, RefusalCodes.Unavailable, "The auction is unavailable right now; nothing was recorded. Send the same bidId again shortly.");
        }
    }
}
