using System.Diagnostics;
using System.Text.Json;
using CompraNet.AuctionHost.Tests.Infrastructure;

namespace CompraNet.AuctionHost.Tests.Scripts;

/// <summary>The JavaScript SignalR client under Node.js (examples/bidder.mjs) joins, bids and hears back, as bidders' scripts do.</summary>
[Trait("Category", "Integration")]
public sealed class JavaScriptClientTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ExampleBidder_JoinsAndBids_GetsAcceptedWithRank()
    {
        var auctionId = await _host.CreateAuctionAsync();

        var lines = await RunBidderAsync("--auction", auctionId, "--amount", "900000.50");

        Assert.Contains(lines, l => l.GetProperty("event").GetString() == "joined" && l.GetProperty("status").GetString() == "open");
        var bid = Assert.Single(lines, l => l.GetProperty("event").GetString() == "bid");
        Assert.Equal("accepted", bid.GetProperty("status").GetString());
        Assert.Equal(1, bid.GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task ExampleBidder_LargeDropWithoutConfirm_IsRefusedStepTooLarge()
    {
        var auctionId = await _host.CreateAuctionAsync();

        var lines = await RunBidderAsync("--user", "supplier2", "--auction", auctionId, "--amount", "100000");

        var bid = Assert.Single(lines, l => l.GetProperty("event").GetString() == "bid");
        Assert.Equal("refused", bid.GetProperty("status").GetString());
        Assert.Equal("step-too-large", bid.GetProperty("code").GetString());
    }

    private async Task<List<JsonElement>> RunBidderAsync(params string[] args)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot() };
        start.ArgumentList.Add("examples/bidder.mjs");
        start.ArgumentList.Add("--url");
        start.ArgumentList.Add(_host.BaseAddress.ToString());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"node exited {process.ExitCode}: {await error}");
        return [.. (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CompraNet.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("CompraNet.sln not found above the test assembly.");
    }
}
