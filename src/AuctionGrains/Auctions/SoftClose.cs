namespace CompraNet.AuctionGrains.Auctions;

/// <summary>Anti-sniping: a triggering bid within <see cref="WindowSeconds"/> of the close moves it to now + <see cref="ExtendSeconds"/>, at most <see cref="MaxExtensions"/> times.</summary>
[GenerateSerializer, Immutable, Alias("CompraNet.SoftClose")]
public sealed record SoftClose(
    [property: Id(0)] int WindowSeconds,
    [property: Id(1)] int ExtendSeconds,
    [property: Id(2)] int MaxExtensions,
    [property: Id(3)] ExtensionTrigger Trigger);
