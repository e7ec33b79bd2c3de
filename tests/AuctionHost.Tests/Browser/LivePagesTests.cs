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
        _browser = await LaunchAsync(_playwright);
    }

    /// <summary>Debian's headless chromium (Playwright gives every launch a fresh temporary profile).</summary>
    internal static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium (bash .ci/run does).");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ChromiumFlags });
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
        await Assertions.Expect(officer.Locator("#ladder [data-supplier-id='supplier1']")).ToContainTextAsync(Thousands(900_000));
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

    private Task<IPage> SignInAsync(string username, string next) => SignInAsync(_browser, _host.BaseAddress, username, next);

    /// <summary>A new browser context on <paramref name="host"/>, signed in as <paramref name="username"/>, on page <paramref name="next"/>.</summary>
    internal static async Task<IPage> SignInAsync(IBrowser browser, Uri host, string username, string next)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/index.html?next={Uri.EscapeDataString(next)}");
        await page.Locator("#username").FillAsync(username);
        await page.Locator("#password").FillAsync("demo");
        await page.Locator("#login").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains(next.Split('?')[0], StringComparison.Ordinal));
        return page;
    }

    /// <summary>A whole amount as any locale groups its thousands (1,000,000 · 1.000.000 · 1 000 000).</summary>
    internal static Regex Thousands(decimal amount) =>
        new(string.Join(@"[,.\u00a0\u202f ]?", decimal.Truncate(amount).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Split(',')));
}
