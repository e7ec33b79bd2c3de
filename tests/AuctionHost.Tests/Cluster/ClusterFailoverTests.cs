using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CompraNet.AuctionHost.Tests.Durability;
using CompraNet.AuctionHost.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CompraNet.AuctionHost.Tests.Cluster;

/// <summary>
/// Kill -9 the host whose silo holds a live auction while suppliers bid through both hosts: every acknowledged
/// bid is in the journal exactly once and in order, the hash chain verifies, and bidding resumes on the survivor.
/// Prints the failover time: from the kill to the first acknowledgement of a bid sent after it.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ClusterFailoverTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task KillHostHoldingLiveAuction_BiddersOnBothHosts_NoAcknowledgedBidLostAndSurvivorTakesOver()
    {
        await using var cluster = await HostCluster.StartAsync(postgres);
        var auctionId = await CrashScenario.CreateAuctionAsync(cluster[0].BaseAddress);
        var holder = await cluster.HolderOfAsync(auctionId);
        var survivor = holder == cluster[0] ? cluster[1] : cluster[0];
        var bidders = new ClusterBidders();
        using var stop = new CancellationTokenSource();
        var bidding = bidders.BidUntilAsync([cluster[0], cluster[1]], auctionId, stop.Token);
        await WaitUntilAsync(() => bidders.AcknowledgedThrough(holder) >= 100 && bidders.AcknowledgedThrough(survivor) >= 100);

        await holder.KillAsync();
        // Once it has exited: a bid sent before could still have been answered by the dying process.
        var killedAt = Stopwatch.GetTimestamp();
        await WaitUntilAsync(() => bidders.FirstAcknowledgementAfter(killedAt) is not null);
        var failover = bidders.FirstAcknowledgementAfter(killedAt)!.Value;
        await WaitUntilAsync(() => bidders.AcknowledgedAfter(killedAt) >= 50);
        await stop.CancelAsync();
        await bidding;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"failover: {failover.TotalMilliseconds:F0} ms from kill -9 of the holder to the first acknowledged bid on the survivor " +
            $"({bidders.Record.Acknowledged.Count} acknowledged, {bidders.Resent} after a re-send to the survivor, refusals: {string.Join(", ", bidders.Record.Refusals.Select(r => $"{r.Key}={r.Value}"))})"));
        var entries = await bidders.Record.VerifyTranscriptAsync(survivor.BaseAddress, auctionId);
        var after = await BidOnceAsync(survivor.BaseAddress, auctionId, await CrashScenario.TokenAsync(survivor.BaseAddress, "supplier1"), 1_000.00m);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(entries.Length + 1, (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task StopHostHoldingLiveAuctionGracefully_BiddersOnBothHosts_NoAcknowledgedBidLostAndSurvivorTakesOver()
    {
        await using var cluster = await HostCluster.StartAsync(postgres);
        var auctionId = await CrashScenario.CreateAuctionAsync(cluster[0].BaseAddress);
        var holder = await cluster.HolderOfAsync(auctionId);
        var survivor = holder == cluster[0] ? cluster[1] : cluster[0];
        var bidders = new ClusterBidders();
        using var stop = new CancellationTokenSource();
        var bidding = bidders.BidUntilAsync([cluster[0], cluster[1]], auctionId, stop.Token);
        await WaitUntilAsync(() => bidders.AcknowledgedThrough(holder) >= 100 && bidders.AcknowledgedThrough(survivor) >= 100);

        var stoppingAt = Stopwatch.GetTimestamp();
        var exitCode = await holder.StopAsync(Patience);
        var stoppedIn = Stopwatch.GetElapsedTime(stoppingAt);
        var exitedAt = Stopwatch.GetTimestamp();
        await WaitUntilAsync(() => bidders.AcknowledgedAfter(exitedAt) >= 50);
        await stop.CancelAsync();
        await bidding;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"graceful stop of the holder: exited {exitCode} in {stoppedIn.TotalMilliseconds:F0} ms; {bidders.Record.Acknowledged.Count} acknowledged, " +
            $"{bidders.Resent} re-sent, refusals: {string.Join(", ", bidders.Record.Refusals.Select(r => $"{r.Key}={r.Value}"))}"));
        Assert.Equal(0, exitCode);
        await bidders.Record.VerifyTranscriptAsync(survivor.BaseAddress, auctionId);
    }

    [Fact]
    public async Task KillHostHoldingAuctionOneSecondBeforeClose_ClosesOnTimeOnSurvivorAndRefusesLateBids()
    {
        await using var cluster = await HostCluster.StartAsync(postgres);
        var auctionId = await CrashScenario.CreateAuctionAsync(cluster[0].BaseAddress, TimeSpan.FromSeconds(15));
        var holder = await cluster.HolderOfAsync(auctionId);
        var survivor = holder == cluster[0] ? cluster[1] : cluster[0];
        await using var officer = await ClusterRealtimeTests.ConnectAsync(survivor, "officer1");
        var joined = await officer.JoinAsync(auctionId);
        var endsAt = joined.GetProperty("endsAt").GetDateTimeOffset();
        var supplier1 = await CrashScenario.TokenAsync(survivor.BaseAddress, "supplier1");
        var leading = await BidOnceAsync(survivor.BaseAddress, auctionId, supplier1, 5_000_000.00m);
        Assert.Equal(HttpStatusCode.OK, leading.StatusCode);

        var untilKill = endsAt.AddSeconds(-1) - DateTimeOffset.UtcNow;
        Assert.True(untilKill > TimeSpan.Zero, "the set-up took longer than the auction");
        await Task.Delay(untilKill);
        await holder.KillAsync();
        // Nothing calls the auction now: only the survivors' wake-up after the death can close it.
        var closed = await officer.WaitForClosedAsync(auctionId, Patience);
        var closedAt = DateTimeOffset.UtcNow;

        output.WriteLine($"closed {(closedAt - endsAt).TotalMilliseconds:F0} ms after its time, the holder killed 1 s before it");
        Assert.True(closedAt - endsAt < TimeSpan.FromSeconds(5), $"closed {closedAt - endsAt} after its time");
        Assert.Equal("supplier1", closed.GetProperty("ranking")[0].GetProperty("supplierId").GetString());
        var late = await BidOnceAsync(survivor.BaseAddress, auctionId, supplier1, 4_000_000.00m);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Equal("closed", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var entries = await new CrashScenario().VerifyTranscriptAsync(survivor.BaseAddress, auctionId);
        Assert.Equal("closed", entries[^1].GetProperty("type").GetString());
    }

    private static async Task<HttpResponseMessage> BidOnceAsync(Uri host, string auctionId, string token, decimal amount)
    {
        using var client = new HttpClient { BaseAddress = host };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.PostAsJsonAsync($"/api/auctions/{auctionId}/bids", new { amount, bidId = Guid.NewGuid() }, RunningHost.Json);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"condition not met within {Patience}");
            await Task.Delay(20);
        }
    }
}
