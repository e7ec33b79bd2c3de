using CompraNet.AuctionHost.Tests.Cluster;
using CompraNet.AuctionHost.Tests.Durability;
using CompraNet.AuctionHost.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CompraNet.AuctionHost.Tests.Browser;

/// <summary>
/// A two-host cluster in Debian's chromium: the bidder page is loaded from host A, the officer's monitor from host B.
/// When A is killed, the bidder page moves to B by itself (it knows the hosts from /api/hosts), rejoins the auction
/// and bids, and the officer sees that bid.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ClusterPagesTests(PostgresFixture postgres) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await LivePagesTests.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task BidderPage_HostKilled_MovesToTheOtherHostAndBids()
    {
        await using var cluster = await HostCluster.StartAsync(postgres);
        var (a, b) = (cluster[0], cluster[1]);
        await ClusterHostsTests.WaitForHostsAsync(a, hosts => hosts.Count == 2);
        var auctionId = await CrashScenario.CreateAuctionAsync(b.BaseAddress);
        var officer = await LivePagesTests.SignInAsync(_browser, b.BaseAddress, "officer1", $"/officer.html?auction={auctionId}");
        var supplier = await LivePagesTests.SignInAsync(_browser, a.BaseAddress, "supplier1", $"/bidder.html?auction={auctionId}");
        await Assertions.Expect(supplier.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await Bid(supplier, "8900000");
        await Assertions.Expect(officer.Locator("#ladder [data-supplier-id='supplier1']")).ToContainTextAsync(LivePagesTests.Thousands(8_900_000));

        await a.KillAsync();

        var connection = supplier.Locator("#connection");
        await Assertions.Expect(connection).ToHaveAttributeAsync("data-host", ClusterHostsTests.Origin(b), new() { Timeout = 45_000 });
        await Assertions.Expect(connection).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 45_000 });
        await Bid(supplier, "8800000");
        await Assertions.Expect(officer.Locator("#ladder [data-supplier-id='supplier1']")).ToContainTextAsync(LivePagesTests.Thousands(8_800_000), new() { Timeout = 20_000 });
        await Assertions.Expect(officer.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
    }

    private static async Task Bid(IPage supplier, string amount)
    {
        await supplier.Locator("#amount").FillAsync(amount);
        await supplier.Locator("#place-bid").ClickAsync();
        await Assertions.Expect(supplier.Locator("#bid-result")).ToHaveAttributeAsync("data-status", "accepted", new() { Timeout = 20_000 });
        await Assertions.Expect(supplier.Locator("#bid-result")).ToContainTextAsync(LivePagesTests.Thousands(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
