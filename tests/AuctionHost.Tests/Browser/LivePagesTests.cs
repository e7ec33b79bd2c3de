using System.Text.RegularExpressions;
using CompraNet.AuctionHost.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CompraNet.AuctionHost.Tests.Browser;

/// <summary>
/// People's pages end to end in Debian's chromium (never a downloaded browser): a supplier signs in and bids on
/// the bidder page, and the bid appears live on the officer's monitor.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class LivePagesTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private RunningHost _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium (bash .ci/run does).");
        _host = await RunningHost.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumFlags, // Playwright gives every launch a fresh temporary profile.
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task BidOnBidderPage_AppearsOnOfficerMonitor()
    {
        var auctionId = await _host.CreateAuctionAsync();
        var officer = await SignInAsync("officer1", $"/officer.html?auction={auctionId}");
        var supplier = await SignInAsync("supplier1", $"/bidder.html?auction={auctionId}");
        await Assertions.Expect(officer.Locator("#ladder [data-supplier-id='supplier1']")).ToBeVisibleAsync();

        await supplier.Locator("#amount").FillAsync("900000.00");
        await supplier.Locator("#place-bid").ClickAsync();

        await Assertions.Expect(supplier.Locator("#bid-result")).ToHaveAttributeAsync("data-status", "accepted");
        await Assertions.Expect(supplier.Locator("#my-rank")).ToHaveTextAsync("1");
        await Assertions.Expect(officer.Locator("#ladder [data-supplier-id='supplier1']")).ToContainTextAsync(NineHundredThousand());
        await Assertions.Expect(officer.Locator("#ladder tr[data-supplier-id]").First).ToHaveAttributeAsync("data-supplier-id", "supplier1");
    }

    [Fact]
    public async Task LargeDrop_AsksForConfirmation_ThenBids()
    {
        var auctionId = await _host.CreateAuctionAsync();
        var supplier = await SignInAsync("supplier2", $"/bidder.html?auction={auctionId}");

        await supplier.Locator("#amount").FillAsync("500000");
        await supplier.Locator("#place-bid").ClickAsync();
        await Assertions.Expect(supplier.Locator("#confirm-dialog")).ToBeVisibleAsync();
        await supplier.Locator("#confirm-yes").ClickAsync();

        await Assertions.Expect(supplier.Locator("#bid-result")).ToHaveAttributeAsync("data-status", "accepted");
        await Assertions.Expect(supplier.Locator("#my-rank")).ToHaveTextAsync("1");
    }

    private async Task<IPage> SignInAsync(string username, string next)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _host.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/index.html?next={Uri.EscapeDataString(next)}");
        await page.Locator("#username").FillAsync(username);
        await page.Locator("#password").FillAsync("demo");
        await page.Locator("#login").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains(next.Split('?')[0], StringComparison.Ordinal));
        return page;
    }

    [GeneratedRegex(@"900[,.\u00a0\u202f ]?000")]
    private static partial Regex NineHundredThousand();
}
