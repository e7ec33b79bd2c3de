using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CompraNet.AuctionHost.Tests.Durability;
using CompraNet.AuctionHost.Tests.Infrastructure;

namespace CompraNet.AuctionHost.Tests.Cluster;

/// <summary>
/// Bidders over REST on every host of one cluster: each supplier of <see cref="CrashScenario.Suppliers"/> bids down
/// a cent at a time, sending each bid to the next host in turn; when a host is gone it re-sends the unanswered bid,
/// with the same bidId, to another. Acknowledgements go into <see cref="Record"/> (so its transcript check applies),
/// with when each bid was sent and answered, for the failover time.
/// </summary>
public sealed class ClusterBidders
{
    private readonly ConcurrentQueue<(Uri Host, long SentAt, long AnsweredAt)> _answers = new();
    private int _resent;

    public CrashScenario Record { get; } = new();

    /// <summary>Bids acknowledged after being re-sent from a host that went away with them unanswered.</summary>
    public int Resent => Volatile.Read(ref _resent);

    public int AcknowledgedThrough(HostProcess host) => _answers.Count(a => a.Host == host.BaseAddress);

    public int AcknowledgedAfter(long since) => _answers.Count(a => a.SentAt > since);

    /// <summary>From <paramref name="since"/> (a <see cref="Stopwatch"/> timestamp) to the first acknowledgement of a bid sent after it, once there is one.</summary>
    public TimeSpan? FirstAcknowledgementAfter(long since)
    {
        var answered = _answers.Where(a => a.SentAt > since).Select(a => a.AnsweredAt).DefaultIfEmpty(long.MaxValue).Min();
        return answered == long.MaxValue ? null : Stopwatch.GetElapsedTime(since, answered);
    }

    public async Task BidUntilAsync(IReadOnlyList<HostProcess> hosts, string auctionId, CancellationToken stop)
    {
        var addresses = hosts.Select(h => h.BaseAddress).ToArray();
        // Every host shares the signing key, so a token from one is good on all.
        var tokens = await Task.WhenAll(CrashScenario.Suppliers.Select(s => CrashScenario.TokenAsync(addresses[0], s)));
        await Task.WhenAll(tokens.Select((token, s) => Task.Run(() => BidLoopAsync(addresses, s, auctionId, token, stop))));
    }

    private async Task BidLoopAsync(Uri[] hosts, int first, string auctionId, string token, CancellationToken stop)
    {
        var clients = hosts.Select(h => new HttpClient { BaseAddress = h, Timeout = TimeSpan.FromSeconds(60) }).ToArray();
        foreach (var client in clients)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var gone = new bool[hosts.Length];
        var amount = 8_999_000.00m;
        var bidId = Guid.NewGuid();
        var resending = false;
        try
        {
            for (var turn = first; !stop.IsCancellationRequested; turn++)
            {
                var live = Enumerable.Range(0, hosts.Length).Where(i => !gone[i]).ToArray();
                if (live.Length == 0)
                {
                    return;
                }

                var h = live[turn % live.Length];
                var sentAt = Stopwatch.GetTimestamp();
                try
                {
                    var response = await clients[h].PostAsJsonAsync($"/api/auctions/{auctionId}/bids", new { amount, bidId }, RunningHost.Json, stop);
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>(stop);
                    var code = response.StatusCode == HttpStatusCode.OK ? null : body.GetProperty("code").GetString() ?? "?";
                    if (code is null)
                    {
                        Record.Acknowledged[bidId] = (body.GetProperty("sequence").GetInt64(), body.GetProperty("amount").GetDecimal());
                        _answers.Enqueue((hosts[h], sentAt, Stopwatch.GetTimestamp()));
                        if (resending)
                        {
                            Interlocked.Increment(ref _resent);
                        }
                    }
                    else
                    {
                        Record.Refusals.AddOrUpdate(code, 1, (_, n) => n + 1);
                    }

                    if (code == "unavailable")
                    {
                        // As the protocol asks: the same bidId again, after a short pause while the engine recovers.
                        await Task.Delay(50, stop);
                        continue;
                    }

                    (amount, bidId, resending) = (amount - 0.01m, Guid.NewGuid(), false);
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException && !stop.IsCancellationRequested)
                {
                    // The host went away with the bid unanswered: not acknowledged, so re-sent as it is to another host.
                    gone[h] = true;
                    resending = true;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped by the test.
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }
}
