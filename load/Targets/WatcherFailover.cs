using System.Diagnostics;

namespace CompraNet.AuctionLoad.Targets;

/// <summary>
/// How one watcher gets back into a cluster after its connection is lost: it tries the next host of <c>--url</c> in
/// turn (wrapping around), 100 ms apart doubling to 1 s, until one accepts the connection and the join, or 30 s have
/// gone by. With a single URL there is nowhere else to go: a drop stays a failure, as the run should report it.
/// </summary>
public sealed class WatcherFailover(IReadOnlyList<Uri> hubUrls, ReconnectCounter counter)
{
    /// <summary>How long a lost watcher keeps trying before its loss is recorded as a delivery failure.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    private int _index;

    /// <summary>The hub every watcher connects to first (the first host of <c>--url</c>).</summary>
    public Uri FirstHub => hubUrls[0];

    /// <summary>Whether there is another host to fail over to.</summary>
    public bool CanFailOver => hubUrls.Count > 1;

    public static WatcherFailover For(LoadTarget target, ReconnectCounter counter, bool webSocketScheme = false) =>
        new([.. target.Urls.Select(u => HubUrl(u, webSocketScheme))], counter);

    /// <summary>
    /// Runs <paramref name="connect"/> (connect, handshake, join) against the next hosts in turn until it succeeds,
    /// each attempt bounded by the time left; null once <see cref="GiveUpAfter"/> has passed without success.
    /// Throws <see cref="OperationCanceledException"/> only when <paramref name="stop"/> is cancelled.
    /// </summary>
    public async Task<T?> ReconnectAsync<T>(Func<Uri, CancellationToken, Task<T>> connect, CancellationToken stop)
        where T : class
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 100 * (1 << Math.Min(attempt - 1, 4)))), stop);
            }

            var left = GiveUpAfter - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            _index = (_index + 1) % hubUrls.Count;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
            timeout.CancelAfter(left);
            try
            {
                var connected = await connect(hubUrls[_index], timeout.Token);
                counter.Reconnected();
                return connected;
            }
            catch (Exception) when (!stop.IsCancellationRequested)
            {
                // Refused, reset, timed out, or the join refused while the auction moves to a survivor: next host.
                counter.AttemptFailed();
            }
        }
    }

    private static Uri HubUrl(Uri host, bool webSocketScheme)
    {
        var hub = new Uri(host, "hubs/auctions");
        return webSocketScheme ? new UriBuilder(hub) { Scheme = hub.Scheme == "https" ? "wss" : "ws" }.Uri : hub;
    }
}
