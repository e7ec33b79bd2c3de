using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionHost.Accounts;
using CompraNet.AuctionHost.Auctions;
using CompraNet.AuctionHost.Sanctions;

namespace CompraNet.AuctionHost.Demo;

/// <summary>
/// Demo data (embedded mode by default, never in cluster mode): the accounts of PROTOCOL.md with password
/// <c>demo</c>, the sanctioned supplier5, and a live demo auction whenever none is open, so a newcomer can bid at once.
/// </summary>
public sealed class DemoDataSeeder(
    AccountStore accounts, SanctionRegistry sanctions, AuctionCatalog catalog, IGrainFactory grains,
    IAuctionJournal journal, TimeProvider time, ILogger<DemoDataSeeder> logger) : IHostedService
{
    public const string Password = "demo";
    public const string DemoPrefix = "DEMO-";

    private static readonly (string Username, string Role, string Name)[] DemoAccounts =
    [
        ("officer1", Roles.Officer, "Oficial de compras 1"),
        ("auditor1", Roles.Auditor, "Auditor 1"),
        ("coordinator1", Roles.Coordinator, "Coordinador 1"),
        ("supplier1", Roles.Supplier, "Farmacéutica Uno S.A. de C.V."),
        ("supplier2", Roles.Supplier, "Distribuidora Dos S.A. de C.V."),
        ("supplier3", Roles.Supplier, "Laboratorios Tres S.A. de C.V."),
        ("supplier4", Roles.Supplier, "Insumos Cuatro S.A. de C.V."),
        ("supplier5", Roles.Supplier, "Comercializadora Cinco S.A. de C.V. (sancionada)"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (username, role, name) in DemoAccounts)
        {
            await accounts.CreateAsync(username, Password, role, name, cancellationToken);
        }

        var now = time.GetUtcNow();
        if (!sanctions.SanctionsOf("supplier5").Any(s => s.EndsAt is null))
        {
            await sanctions.AddAsync(new Sanction("supplier5", now.AddYears(-1), null, "Demo: debarred for the whole demo period."), cancellationToken);
        }

        var unclosed = await journal.ListUnclosedAsync(cancellationToken);
        if (!unclosed.Any(id => id.StartsWith(DemoPrefix, StringComparison.Ordinal)))
        {
            await CreateLiveAuctionAsync(now, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CreateLiveAuctionAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var procedureId = $"{DemoPrefix}{now.UtcDateTime:yyyyMMdd-HHmmss}";
        var terms = new AuctionTerms(
            procedureId, procedureId, null, "Paracetamol 500 mg, 100,000 cajas (demo)", "MXN", AuctionFormat.Continuous,
            CeilingPrice: 1_000_000.00m,
            new MinStep(StepKind.Amount, 1_000.00m, StepReference.Own),
            MaxStepPercent: 30m,
            TieRule.EarlierWins,
            StartsAt: now,
            EndsAt: now.AddHours(2),
            new SoftClose(WindowSeconds: 120, ExtendSeconds: 120, MaxExtensions: 10, ExtensionTrigger.Leader),
            FeedbackMode.LeadRank,
            [
                new InvitedBidder("supplier1", 990_000.00m, 1.0m),
                new InvitedBidder("supplier2", 985_000.00m, 1.0m),
                new InvitedBidder("supplier3", 995_000.00m, 1.0m),
                new InvitedBidder("supplier4", null, 1.0m),
                new InvitedBidder("supplier5", 980_000.00m, 1.0m),
            ]);
        var result = await grains.GetGrain<IAuctionGrain>(terms.AuctionId).CreateAsync(terms, "officer1");
        if (result.Outcome == CreateAuctionOutcome.Created)
        {
            await catalog.AddAsync(terms, "officer1", now, cancellationToken);
            logger.LogInformation("Demo auction {AuctionId} is live until {EndsAt:u}.", terms.AuctionId, terms.EndsAt);
        }
    }
}
