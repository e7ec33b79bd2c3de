using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CompraNet.AuctionHost.Tests.Infrastructure;

namespace CompraNet.AuctionHost.Tests.Durability;

/// <summary>
/// Drives a host process over REST the way bidders do and checks a transcript against what was acknowledged:
/// every acknowledged bid exactly once, in order, with its sequence and amount, and the hash chain intact.
/// </summary>
public sealed class CrashScenario
{
    public static readonly string[] Suppliers = ["supplier1", "supplier2", "supplier3", "supplier4"];

    private static readonly JsonSerializerOptions Json = RunningHost.Json;

    public ConcurrentDictionary<Guid, (long Sequence, decimal Amount)> Acknowledged { get; } = new();

    public ConcurrentDictionary<string, int> Refusals { get; } = new();

    public static async Task<string> TokenAsync(Uri host, string username)
    {
        using var client = new HttpClient { BaseAddress = host };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password = "demo" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public static async Task<string> CreateAuctionAsync(Uri host, TimeSpan? duration = null)
    {
        using var client = new HttpClient { BaseAddress = host };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(host, "officer1"));
        var now = DateTimeOffset.UtcNow;
        var body = new
        {
            procedureId = $"CRASH-{Guid.NewGuid():N}"[..24],
            title = "Crash test",
            currency = "MXN",
            ceilingPrice = 10_000_000.00m,
            minStep = new { kind = "amount", value = 0.01m, relativeTo = "own" },
            startsAt = now.AddSeconds(-1),
            endsAt = now + (duration ?? TimeSpan.FromMinutes(20)),
            feedback = "lead-rank",
            bidders = Suppliers.Select(s => new { supplierId = s, initialPrice = 9_000_000.00m, coefficient = 1.0m }).ToArray(),
        };
        var response = await client.PostAsJsonAsync("/api/auctions", body, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("auctionId").GetString()!;
    }

    /// <summary>Each supplier bids down one cent at a time, as fast as it is answered, until stopped or the host dies.</summary>
    public async Task BidUntilAsync(Uri host, string auctionId, CancellationToken stop, int connectionsPerSupplier = 2)
    {
        var tokens = await Task.WhenAll(Suppliers.Select(s => TokenAsync(host, s)));
        var workers = new List<Task>();
        for (var s = 0; s < Suppliers.Length; s++)
        {
            for (var c = 0; c < connectionsPerSupplier; c++)
            {
                var token = tokens[s];
                var start = 8_999_000.00m - (c * 1_000_000.00m);
                workers.Add(Task.Run(() => BidLoopAsync(host, auctionId, token, start, stop)));
            }
        }

        await Task.WhenAll(workers);
    }

    private async Task BidLoopAsync(Uri host, string auctionId, string token, decimal amount, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        while (!stop.IsCancellationRequested)
        {
            var bidId = Guid.NewGuid();
            amount -= 0.01m;
            try
            {
                var response = await client.PostAsJsonAsync($"/api/auctions/{auctionId}/bids", new { amount, bidId }, Json, stop);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(stop);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Acknowledged[bidId] = (body.GetProperty("sequence").GetInt64(), body.GetProperty("amount").GetDecimal());
                }
                else
                {
                    Refusals.AddOrUpdate(body.GetProperty("code").GetString() ?? "?", 1, (_, n) => n + 1);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException or JsonException)
            {
                // The host was killed mid-request: an unanswered bid is not acknowledged, so nothing is expected of it.
                return;
            }
        }
    }

    /// <summary>Reads the transcript as an officer and checks it against every acknowledgement.</summary>
    public async Task<JsonElement[]> VerifyTranscriptAsync(Uri host, string auctionId)
    {
        using var client = new HttpClient { BaseAddress = host };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(host, "officer1"));
        var transcript = await client.GetFromJsonAsync<JsonElement>($"/api/auctions/{auctionId}/transcript");
        var entries = transcript.GetProperty("entries").EnumerateArray().ToArray();

        var previous = new string('0', 64);
        var seen = new Dictionary<Guid, (long Sequence, decimal Amount)>();
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            Assert.Equal(i + 1, entry.GetProperty("sequence").GetInt64());
            Assert.Equal(previous, entry.GetProperty("previousHash").GetString());
            var payload = entry.GetProperty("payload").GetString()!;
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previous + payload)));
            Assert.Equal(hash, entry.GetProperty("hash").GetString());
            previous = hash;
            if (entry.GetProperty("type").GetString() == "bid-accepted")
            {
                using var p = JsonDocument.Parse(payload);
                var bidId = p.RootElement.GetProperty("bidId").GetGuid();
                Assert.True(seen.TryAdd(bidId, (i + 1, p.RootElement.GetProperty("amount").GetDecimal())), $"bid {bidId} is journaled twice");
            }
        }

        foreach (var (bidId, ack) in Acknowledged)
        {
            Assert.True(seen.TryGetValue(bidId, out var journaled), $"acknowledged bid {bidId} (sequence {ack.Sequence}) is missing from the journal");
            Assert.Equal(ack, journaled);
        }

        Assert.True(transcript.GetProperty("chainVerified").GetBoolean());
        return entries;
    }
}
