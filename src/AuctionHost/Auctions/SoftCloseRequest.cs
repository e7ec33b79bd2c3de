using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionHost.Auctions;

public sealed record SoftCloseRequest(int? WindowSeconds, int? ExtendSeconds, int? MaxExtensions, ExtensionTrigger? Trigger);
