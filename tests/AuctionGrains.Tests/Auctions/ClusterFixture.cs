using CompraNet.AuctionGrains.Auctions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Reminders;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.TestingHost;

namespace CompraNet.AuctionGrains.Tests.Auctions;

/// <summary>
/// One in-process silo with memory grain storage "auctions" and the engine's ports replaced by test doubles the
/// tests can inspect. The grains see a <see cref="FakeTimeProvider"/>; Orleans' own loops keep the real clock, so
/// advancing the fake one moves auction deadlines only. Advancing is global: tests set every time relative to
/// <see cref="Now"/> and use their own auction ids.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private static readonly string[] OrleansClocks =
    [
        TimeProviderNames.Grains,
        TimeProviderNames.Messaging,
        TimeProviderNames.SystemTimers,
        TimeProviderNames.Membership,
        TimeProviderNames.ActivationManagement,
        TimeProviderNames.GrainDirectory,
        StreamingTimeProviderNames.Streaming,
        ReminderTimeProviderNames.Reminders,
    ];

    private int _auctions;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero));

    public InMemoryAuctionJournal Journal { get; } = new();

    public SettableSanctionRegistry Sanctions { get; } = new();

    public RecordingUpdateSink Updates { get; } = new();

    public IncomingBidTracker Bids { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public DateTimeOffset Now => Clock.GetUtcNow();

    public IAuctionGrain Auction(string auctionId) => Cluster.Client.GetGrain<IAuctionGrain>(auctionId);

    /// <summary>A procedure number no other test uses.</summary>
    public string NewProcedureId(string hint) => $"{hint}-{Interlocked.Increment(ref _auctions):000}";

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("auctions");
            silo.Services.AddSingleton<TimeProvider>(Clock);
            foreach (var clock in OrleansClocks)
            {
                silo.Services.AddKeyedSingleton(clock, TimeProvider.System);
            }

            silo.Services.AddSingleton<IAuctionJournal>(Journal);
            silo.Services.AddSingleton<ISanctionRegistry>(Sanctions);
            silo.Services.AddSingleton<IAuctionUpdateSink>(Updates);
            silo.AddIncomingGrainCallFilter(Bids);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
