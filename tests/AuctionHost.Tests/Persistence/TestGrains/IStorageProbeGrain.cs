using Orleans;

namespace CompraNet.AuctionHost.Tests.Persistence.TestGrains;

/// <summary>A tiny grain whose only job is to read and write its persistent state through the grain storage.</summary>
public interface IStorageProbeGrain : IGrainWithStringKey
{
    Task<StorageProbeSnapshot> GetAsync();

    /// <summary>Increments the counter kept in the <c>auctions</c> storage and writes it.</summary>
    Task<int> IncrementAsync();

    /// <summary>Writes a note kept in the default storage.</summary>
    Task SetNoteAsync(string text);

    /// <summary>Clears the counter state.</summary>
    Task ClearAsync();
}
