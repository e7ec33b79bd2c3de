using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionGrains.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CompraNet.AuctionGrains.Tests.Auctions;

/// <summary>
/// The auction grains' silo: memory grain storage "auctions" and the engine's ports replaced by test doubles the
/// tests can inspect.
/// </summary>
public sealed class ClusterFixture() : InProcessClusterFixture(new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero))
{
    public InMemoryAuctionJournal Journal { get; } = new();

    public SettableSanctionRegistry Sanctions { get; } = new();

    public RecordingUpdateSink Updates { get; } = new();

    public IncomingBidTracker Bids { get; } = new();

    public IAuctionGrain Auction(string auctionId) => Cluster.Client.GetGrain<IAuctionGrain>(auctionId);

    /// <summary>A procedure number no other test uses.</summary>
    public string NewProcedureId(string hint) => $"{hint}-{NextId():000}";

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage("auctions");
        silo.Services.AddSingleton<IAuctionJournal>(Journal);
        silo.Services.AddSingleton<ISanctionRegistry>(Sanctions);
        silo.Services.AddSingleton<IAuctionUpdateSink>(Updates);
        silo.AddIncomingGrainCallFilter(Bids);
    }
}
