using Orleans;

namespace CompraNet.AuctionHost.Tests.Persistence.TestGrains;

[GenerateSerializer, Alias("CompraNet.Tests.StorageProbeState")]
public sealed class StorageProbeState
{
    [Id(0)]
    public int Counter { get; set; }

    [Id(1)]
    public string? Note { get; set; }
}
