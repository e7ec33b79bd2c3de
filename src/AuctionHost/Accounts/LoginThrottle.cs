using System.Threading.RateLimiting;

namespace CompraNet.AuctionHost.Accounts;

/// <summary>
/// Sign-in attempts per username and minute: slows password guessing against one account without limiting how
/// many different accounts sign in from one address (a load test signs in thousands of bidders).
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    public const int AttemptsPerMinute = 20;

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(username =>
        RateLimitPartition.GetFixedWindowLimiter(username, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = AttemptsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public bool TryAcquire(string username)
    {
        using var lease = _limiter.AttemptAcquire(username.ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
