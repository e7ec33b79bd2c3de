using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Reminders;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.TestingHost;

namespace CompraNet.AuctionGrains.Tests.Infrastructure;

/// <summary>
/// One in-process silo whose grains see a <see cref="FakeTimeProvider"/> while Orleans' own loops keep the real
/// clock, so advancing the fake one moves the grains' deadlines only. Advancing is global: tests set every time
/// relative to <see cref="Now"/> and use their own ids. Each fixture adds the test doubles its grains need.
/// </summary>
public abstract class InProcessClusterFixture(DateTimeOffset start) : IAsyncLifetime
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

    private int _ids;

    public FakeTimeProvider Clock { get; } = new(start);

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public DateTimeOffset Now => Clock.GetUtcNow();

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

            ConfigureSilo(silo);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>Adds the grains' storage and the test doubles standing in for the engine's ports.</summary>
    protected abstract void ConfigureSilo(ISiloBuilder silo);

    /// <summary>The next number of a per-fixture counter, so procedure ids never repeat between tests.</summary>
    protected int NextId() => Interlocked.Increment(ref _ids);
}
