using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CompraNet.AuctionHost.Realtime;

/// <summary>
/// A token bucket per bidder, shared by the hub and the REST API, so automated bidders bid on equal terms with
/// people and one bidder cannot flood the engine. Over the limit a bid is refused <c>rate-limited</c>, never queued.
/// </summary>
public sealed class BidRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public BidRateLimiter(IOptions<RealtimeOptions> options)
    {
        var o = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(supplierId =>
            RateLimitPartition.GetTokenBucketLimiter(supplierId, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, o.BidBurst),
                TokensPerPeriod = Math.Max(1, o.MaxBidsPerSupplierPerSecond),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public bool TryAcquire(string supplierId)
    {
        using var lease = _limiter.AttemptAcquire(supplierId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
