using Orleans;

namespace CompraNet.AuctionHost.Tests.Persistence.TestGrains;

[GenerateSerializer, Immutable, Alias("CompraNet.Tests.StorageProbeSnapshot")]
public sealed record StorageProbeSnapshot(
    [property: Id(0)] int Counter,
    [property: Id(1)] string? Note,
    [property: Id(2)] Guid ActivationId,
    [property: Id(3)] string? CounterETag,
    [property: Id(4)] bool CounterRecordExists);
