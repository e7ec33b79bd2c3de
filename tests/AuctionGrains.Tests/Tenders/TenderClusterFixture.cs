using CompraNet.AuctionGrains.Tenders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Reminders;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.TestingHost;

namespace CompraNet.AuctionGrains.Tests.Tenders;

/// <summary>
/// One in-process silo for the tender grains, with an in-memory journal and a recording sealer the tests inspect.
/// The grains see a <see cref="FakeTimeProvider"/> of their own (Orleans keeps the real clock), so deadlines move
/// only when a test advances it; advancing is global, so every test sets its deadline relative to <see cref="Now"/>.
/// </summary>
public sealed class TenderClusterFixture : IAsyncLifetime
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

    private int _tenders;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 15, 0, 0, TimeSpan.Zero));

    public InMemoryTenderJournal Journal { get; } = new();

    public RecordingTenderSealer Sealer { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public DateTimeOffset Now => Clock.GetUtcNow();

    public ITenderGrain Tender(string tenderId) => Cluster.Client.GetGrain<ITenderGrain>(tenderId);

    /// <summary>A procedure id no other test uses.</summary>
    public string NewProcedureId(string hint) => $"LP-{hint}-{Interlocked.Increment(ref _tenders):000}";

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TimeProvider>(Clock);
            foreach (var clock in OrleansClocks)
            {
                silo.Services.AddKeyedSingleton(clock, TimeProvider.System);
            }

            silo.Services.AddSingleton<ITenderJournal>(Journal);
            silo.Services.AddSingleton<ITenderSealer>(Sealer);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
