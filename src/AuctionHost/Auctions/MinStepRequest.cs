using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionHost.Auctions;

public sealed record MinStepRequest(StepKind? Kind, decimal? Value, StepReference? RelativeTo);
