using CompraNet.AuctionHost.Persistence;
using Orleans;
using Orleans.Runtime;

namespace CompraNet.AuctionHost.Tests.Persistence.TestGrains;

public sealed class StorageProbeGrain(
    [PersistentState(StorageProbeGrain.CounterStateName, StorageHostingExtensions.GrainStorageName)] IPersistentState<StorageProbeState> counter,
    [PersistentState(StorageProbeGrain.NoteStateName)] IPersistentState<StorageProbeState> note)
    : Grain, IStorageProbeGrain
{
    /// <summary>The state name, which Orleans passes to the storage as the grain type.</summary>
    public const string CounterStateName = "probe";

    public const string NoteStateName = "note";

    private readonly Guid _activationId = Guid.NewGuid();

    public Task<StorageProbeSnapshot> GetAsync() =>
        Task.FromResult(new StorageProbeSnapshot(
            counter.State.Counter, note.State.Note, _activationId, counter.Etag, counter.RecordExists));

    public async Task<int> IncrementAsync()
    {
        counter.State.Counter++;
        await counter.WriteStateAsync();
        return counter.State.Counter;
    }

    public async Task SetNoteAsync(string text)
    {
        note.State.Note = text;
        await note.WriteStateAsync();
    }

    public Task ClearAsync() => counter.ClearStateAsync();
}
