namespace CompraNet.AuctionGrains.Tests.Auctions;

/// <summary>Bounded waits for what a grain does outside the caller's request: never a fixed sleep.</summary>
public static class Eventually
{
    /// <summary>How long a test waits for an event before it fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>Asks <paramref name="probe"/> again and again (each answer is a grain round trip) until <paramref name="done"/> holds.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Yield();
        }
    }
}
