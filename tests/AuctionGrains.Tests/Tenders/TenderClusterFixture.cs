using CompraNet.AuctionGrains.Tenders;
using CompraNet.AuctionGrains.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CompraNet.AuctionGrains.Tests.Tenders;

/// <summary>The tender grains' silo, with an in-memory journal and a recording sealer the tests inspect.</summary>
public sealed class TenderClusterFixture() : InProcessClusterFixture(new DateTimeOffset(2027, 3, 1, 15, 0, 0, TimeSpan.Zero))
{
    public InMemoryTenderJournal Journal { get; } = new();

    public RecordingTenderSealer Sealer { get; } = new();

    public ITenderGrain Tender(string tenderId) => Cluster.Client.GetGrain<ITenderGrain>(tenderId);

    /// <summary>A procedure id no other test uses.</summary>
    public string NewProcedureId(string hint) => $"LP-{hint}-{NextId():000}";

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.Services.AddSingleton<ITenderJournal>(Journal);
        silo.Services.AddSingleton<ITenderSealer>(Sealer);
    }
}
