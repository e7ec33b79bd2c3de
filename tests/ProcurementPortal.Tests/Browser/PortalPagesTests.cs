using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CompraNet.ProcurementPortal.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CompraNet.ProcurementPortal.Tests.Browser;

/// <summary>
/// The portal's pages end to end in Debian's chromium (never a downloaded browser): an official drafts and publishes
/// a plan and a procedure through the forms, and the public finds the call and checks its document's SHA-256; a
/// supplier sends a sealed offer to a published call and gets its receipt.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class PortalPagesTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private PortalTestHost _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium.");
        _host = await PortalTestHost.StartAsync();
        await _host.SeedAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ChromiumFlags });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task OfficialPublishesPlanAndProcedure_PublicFindsTheCallAndItsDocumentHash()
    {
        var year = DateTime.UtcNow.Year;
        var now = DateTimeOffset.UtcNow;
        var official = await NewPageAsync();

        await official.GotoAsync("/ingresar");
        await official.Locator("#username").FillAsync("officerA");
        await official.Locator("#password").FillAsync(PortalTestHost.Password);
        await official.Locator("#signin").ClickAsync();
        await Assertions.Expect(official).ToHaveURLAsync(new Regex("/oficial$"));

        await official.Locator("#new-plan").ClickAsync();
        await official.Locator("#FiscalYear").SelectOptionAsync(year.ToString(CultureInfo.InvariantCulture));
        await official.Locator("#create-plan").ClickAsync();
        await Assertions.Expect(official).ToHaveURLAsync(new Regex($"/oficial/planes/PAAAS-UC-A-{year}$"));
        await official.Locator("#BudgetKey").FillAsync("25401");
        await official.Locator("#Cucop").FillAsync("25400001");
        await official.Locator("#Description").FillAsync("Material de curación para unidades de primer nivel");
        await official.Locator("#EstimatedAmount").FillAsync("2000000");
        await official.Locator("#PlannedMethod").SelectOptionAsync("open-national");
        await official.Locator("#PlannedStart").FillAsync($"{year}-12");
        await official.Locator("#add-line-button").ClickAsync();
        await Assertions.Expect(official.Locator("#plan-lines tr[data-line='1']")).ToContainTextAsync("25401");
        await official.Locator("#ConfirmPublish").CheckAsync();
        await official.Locator("#publish-plan").ClickAsync();
        await Assertions.Expect(official.Locator("#plan-status")).ToHaveAttributeAsync("data-status", "published");

        await official.Locator("#plan-lines tr[data-line='1'] a.start-procedure").ClickAsync();
        await Assertions.Expect(official).ToHaveURLAsync(new Regex("/oficial/procedimientos/nuevo\\?plan=.*&linea=1$"));
        await official.Locator("[name='Form.Title']").FillAsync("Guantes y jeringas para unidades de primer nivel");
        await official.Locator("[name='Form.Description']").FillAsync("Suministro de guantes de nitrilo y jeringas desechables, entregas mensuales en el almacén central.");
        await official.Locator("[name='Form.Category']").SelectOptionAsync("goods");
        await official.Locator("[name='Form.EstimatedAmount']").FillAsync("1500000");
        await official.Locator("[name='Form.Items[0].Description']").FillAsync("Guantes de nitrilo talla mediana, caja con 100");
        await official.Locator("[name='Form.Items[0].Quantity']").FillAsync("500");
        await official.Locator("[name='Form.Items[0].Unit']").FillAsync("caja");
        await official.Locator("#add-item").ClickAsync();
        await Assertions.Expect(official.Locator("[name='Form.Items[1].Id']")).ToHaveValueAsync("2");
        await Assertions.Expect(official.Locator("[name='Form.Items[0].Description']")).ToHaveValueAsync("Guantes de nitrilo talla mediana, caja con 100");
        await official.Locator("[name='Form.Items[1].Description']").FillAsync("Jeringa hipodérmica desechable de 5 ml");
        await official.Locator("[name='Form.Items[1].Cucop']").FillAsync("25400002");
        await official.Locator("[name='Form.Items[1].Quantity']").FillAsync("2000");
        await official.Locator("[name='Form.Items[1].Unit']").FillAsync("pieza");
        await official.Locator("[name='Form.ClarificationMeeting']").FillAsync(Local(now.AddDays(5)));
        await official.Locator("[name='Form.SubmissionDeadline']").FillAsync(Local(now.AddDays(15)));
        await official.Locator("[name='Form.Opening']").FillAsync(Local(now.AddDays(15).AddHours(1)));
        await official.Locator("[name='Form.Award']").FillAsync(Local(now.AddDays(20)));
        await official.Locator("input[type=checkbox][name='Form.HasAuction']").CheckAsync();
        await official.Locator("[name='Form.AuctionMinutes']").FillAsync("45");
        await official.Locator("#save").ClickAsync();
        await Assertions.Expect(official.Locator("#procedure-status")).ToHaveAttributeAsync("data-status", "draft");
        await Assertions.Expect(official.Locator("#auction-plan")).ToContainTextAsync("45");
        await official.Locator("#ConfirmPublish").CheckAsync();
        await official.Locator("#publish-procedure").ClickAsync();
        await Assertions.Expect(official.Locator("#procedure-status")).ToHaveAttributeAsync("data-status", "published");
        var id = official.Url.Split('/')[^1];

        var visitor = await NewPageAsync();
        await visitor.GotoAsync("/");
        await visitor.Locator("#q").FillAsync("jeringa");
        await visitor.Locator("#search").ClickAsync();
        await Assertions.Expect(visitor.Locator("#results tbody tr")).ToHaveCountAsync(1);
        await visitor.Locator($"#results tr[data-procedure-id='{id}'] a").ClickAsync();
        await Assertions.Expect(visitor.Locator("#procedure-title")).ToHaveTextAsync("Guantes y jeringas para unidades de primer nivel");
        var call = visitor.Locator($"#documentos [data-document-id='{id}-convocatoria']");
        await Assertions.Expect(call.Locator(".hash")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        var shown = await call.Locator(".hash").First.InnerTextAsync();
        var download = await visitor.APIRequest.GetAsync($"/documentos/{id}-convocatoria/1");
        var bytes = await download.BodyAsync();

        Assert.StartsWith("LPN-UC-A-", id, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), shown);
        Assert.Contains("Jeringa hipodérmica desechable de 5 ml", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupplierSendsAnOfferToAPublishedCall_AndSeesItsReceipt()
    {
        using var api = await _host.ClientAsync("officerA");
        var planId = await Features.PortalFlow.PublishedPlanAsync(api, 3_000_000m);
        var id = (await Features.PortalFlow.CreateProcedureAsync(api, Features.PortalFlow.ProcedureBody(planId))).GetProperty("procedure").GetProperty("id").GetString()!;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.PostAsync($"/api/procedures/{id}/publish", null)).StatusCode);
        var supplier = await NewPageAsync();

        await supplier.GotoAsync("/ingresar");
        await supplier.Locator("#username").FillAsync("s1");
        await supplier.Locator("#password").FillAsync(PortalTestHost.Password);
        await supplier.Locator("#signin").ClickAsync();
        await Assertions.Expect(supplier.Locator("#nav-supplier")).ToBeVisibleAsync();
        await supplier.GotoAsync($"/procedimientos/{id}");
        await supplier.Locator("#offer-link").ClickAsync();
        await Assertions.Expect(supplier.Locator("#no-receipts")).ToBeVisibleAsync();
        await supplier.Locator("#price-0").FillAsync("60");
        await supplier.Locator("#price-1").FillAsync("50.5");
        await supplier.Locator("#technical-proposal").FillAsync("Medicamentos de patente con registro sanitario vigente.");
        await supplier.Locator("[name='Form.Documents[0].Name']").FillAsync("Registro sanitario");
        await supplier.Locator("[name='Form.Documents[0].Sha256']").FillAsync(new string('a', 64));
        await supplier.Locator("#submit-offer").ClickAsync();

        await Assertions.Expect(supplier.Locator("#notice")).ToContainTextAsync("SHA-256");
        var receipt = supplier.Locator("#receipts tr[data-state='live']");
        await Assertions.Expect(receipt).ToHaveCountAsync(1);
        await Assertions.Expect(receipt.Locator(".hash")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        var shown = await receipt.Locator(".hash").InnerTextAsync();
        await Assertions.Expect(supplier.Locator("#notice")).ToContainTextAsync(shown);
        await supplier.GotoAsync("/proveedor");
        await Assertions.Expect(supplier.Locator($"#my-offers tr[data-procedure-id='{id}'] [data-state='live']")).ToBeVisibleAsync();
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _host.BaseAddress.ToString() });
        return await context.NewPageAsync();
    }

    private static string Local(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
