using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Persistence;
using CompraNet.AuctionHost.Tests.Persistence.TestGrains;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;

namespace CompraNet.AuctionHost.Tests.Persistence;

/// <summary>
/// The Orleans ADO.NET grain storage, through the real provider and our own SQL, in a one-silo in-process cluster
/// configured by <see cref="StorageHostingExtensions.AddCompraNetGrainStorage"/>.
/// </summary>
public abstract class GrainStorageContractTests : IAsyncLifetime
{
    /// <summary>A second provider on the same tables with <c>DeleteStateOnClear</c>, to run DeleteStorageKey.</summary>
    private const string DeletingStorageName = "deleting";

    private InProcessTestCluster? _cluster;

    protected InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        var (options, postgresConnectionString) = await PrepareDatabaseAsync();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo
            .AddCompraNetGrainStorage(options, postgresConnectionString)
            .AddAdoNetGrainStorage(DeletingStorageName, storage =>
            {
                ConfigureSameDatabase(storage);
                storage.DeleteStateOnClear = true;
            }));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        await CleanUpDatabaseAsync();
    }

    [Fact]
    public async Task WriteStateAsync_ThenDeactivation_NewActivationReadsTheStateBack()
    {
        var grain = NewGrain();
        await grain.IncrementAsync();
        await grain.IncrementAsync();
        var before = await grain.GetAsync();

        await Cluster.DeactivateAsync(grain);
        var after = await grain.GetAsync();

        Assert.NotEqual(before.ActivationId, after.ActivationId);
        Assert.Equal(2, after.Counter);
        Assert.Equal("2", after.CounterETag);
        Assert.True(after.CounterRecordExists);
    }

    [Fact]
    public async Task WriteStateAsync_DefaultStorage_NewActivationReadsTheStateBack()
    {
        var grain = NewGrain();
        await grain.SetNoteAsync("sealed bids opened at 10:00");

        await Cluster.DeactivateAsync(grain);
        var after = await grain.GetAsync();

        Assert.Equal("sealed bids opened at 10:00", after.Note);
        Assert.Equal(0, after.Counter);
        Assert.False(after.CounterRecordExists);
    }

    [Fact]
    public async Task WriteStateAsync_AfterAnotherWriterMovedTheVersionOn_ThrowsInconsistentStateException()
    {
        var grain = NewGrain();
        await grain.IncrementAsync();

        await WriteAsAnotherActivationAsync(grain, counter: 100);
        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.IncrementAsync());

        await Cluster.DeactivateAsync(grain);
        var reloaded = await grain.GetAsync();
        Assert.Equal(100, reloaded.Counter);
        Assert.Equal("2", reloaded.CounterETag);
        Assert.Equal(101, await grain.IncrementAsync());
    }

    [Fact]
    public async Task WriteStateAsync_FirstWriteWhenAnotherWriterInsertedMeanwhile_ThrowsInconsistentStateException()
    {
        var grain = NewGrain();
        var fresh = await grain.GetAsync();

        await WriteAsAnotherActivationAsync(grain, counter: 7);
        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.IncrementAsync());

        Assert.Null(fresh.CounterETag);
        await Cluster.DeactivateAsync(grain);
        Assert.Equal(7, (await grain.GetAsync()).Counter);
    }

    [Fact]
    public async Task ClearStateAsync_ThenDeactivation_ReadsEmptyStateAndWritesAgain()
    {
        var grain = NewGrain();
        await grain.IncrementAsync();

        await grain.ClearAsync();
        await Cluster.DeactivateAsync(grain);
        var cleared = await grain.GetAsync();

        Assert.Equal(0, cleared.Counter);
        Assert.False(cleared.CounterRecordExists);
        Assert.Equal("2", cleared.CounterETag);
        Assert.Equal(1, await grain.IncrementAsync());
    }

    [Fact]
    public async Task ClearStateAsync_StaleVersion_ThrowsInconsistentStateException()
    {
        var storage = Storage(StorageHostingExtensions.GrainStorageName);
        var grainId = NewGrainId(Guid.NewGuid(), extension: null);
        var mine = await WriteAsync(storage, grainId, counter: 1);
        await WriteAsync(storage, grainId, counter: 2);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(DirectStateName, grainId, mine));

        Assert.Equal(2, await ReadCounterAsync(storage, grainId));
    }

    [Fact]
    public async Task ClearStateAsync_DeleteStateOnClear_RemovesTheRowSoTheNextWriteStartsAgain()
    {
        var storage = Storage(DeletingStorageName);
        var grainId = NewGrainId(Guid.NewGuid(), extension: null);
        var state = await WriteAsync(storage, grainId, counter: 5);

        await storage.ClearStateAsync(DirectStateName, grainId, state);
        var afterClear = await ReadAsync(storage, grainId);
        var rewritten = await WriteAsync(storage, grainId, counter: 6);

        Assert.Null(state.ETag);
        Assert.False(afterClear.RecordExists);
        Assert.Null(afterClear.ETag);
        Assert.Equal("1", rewritten.ETag);
    }

    [Fact]
    public async Task ClearStateAsync_DeleteStateOnClearWithStaleVersion_ThrowsAndKeepsTheRow()
    {
        var storage = Storage(DeletingStorageName);
        var grainId = NewGrainId(Guid.NewGuid(), extension: null);
        var mine = await WriteAsync(storage, grainId, counter: 1);
        await WriteAsync(storage, grainId, counter: 2);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(DirectStateName, grainId, mine));

        Assert.Equal(2, await ReadCounterAsync(storage, grainId));
    }

    [Fact]
    public async Task WriteStateAsync_SameGuidWithAndWithoutKeyExtension_KeepsSeparateRows()
    {
        var storage = Storage(StorageHostingExtensions.GrainStorageName);
        var guid = Guid.NewGuid();
        var plain = NewGrainId(guid, extension: null);
        var extended = NewGrainId(guid, extension: "lot-2");

        await WriteAsync(storage, plain, counter: 1);
        await WriteAsync(storage, extended, counter: 2);

        Assert.Equal(1, await ReadCounterAsync(storage, plain));
        Assert.Equal(2, await ReadCounterAsync(storage, extended));
    }

    /// <summary>Returns the storage options for the silo; the database must already be migrated.</summary>
    protected abstract Task<(CompraNetOptions Options, string? PostgresConnectionString)> PrepareDatabaseAsync();

    protected abstract Task CleanUpDatabaseAsync();

    /// <summary>Points an extra provider at the same database (invariant and connection).</summary>
    protected abstract void ConfigureSameDatabase(AdoNetGrainStorageOptions storage);

    private const string DirectStateName = "direct";

    private static GrainId NewGrainId(Guid key, string? extension) =>
        GrainId.Create(GrainType.Create("storage-probe"), GrainIdKeyExtensions.CreateGuidKey(key, extension));

    private static async Task<GrainState<StorageProbeState>> ReadAsync(IGrainStorage storage, GrainId grainId)
    {
        var state = new GrainState<StorageProbeState>();
        await storage.ReadStateAsync(DirectStateName, grainId, state);
        return state;
    }

    private static async Task<int?> ReadCounterAsync(IGrainStorage storage, GrainId grainId) =>
        (await ReadAsync(storage, grainId)).State?.Counter;

    /// <summary>Reads the current version, then writes <paramref name="counter"/> over it.</summary>
    private static async Task<GrainState<StorageProbeState>> WriteAsync(IGrainStorage storage, GrainId grainId, int counter)
    {
        var state = await ReadAsync(storage, grainId);
        state.State = new StorageProbeState { Counter = counter };
        await storage.WriteStateAsync(DirectStateName, grainId, state);
        return state;
    }

    private IGrainStorage Storage(string name) =>
        Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(name);

    private IStorageProbeGrain NewGrain() =>
        Cluster.Client.GetGrain<IStorageProbeGrain>($"probe-{Guid.NewGuid():N}");

    /// <summary>What a duplicate activation would do: read the row and write it through the same provider.</summary>
    private async Task WriteAsAnotherActivationAsync(IStorageProbeGrain grain, int counter)
    {
        var storage = Storage(StorageHostingExtensions.GrainStorageName);
        var state = new GrainState<StorageProbeState>();
        await storage.ReadStateAsync(StorageProbeGrain.CounterStateName, grain.GetGrainId(), state);
        state.State = new StorageProbeState { Counter = counter, Note = state.State?.Note };
        await storage.WriteStateAsync(StorageProbeGrain.CounterStateName, grain.GetGrainId(), state);
    }
}
