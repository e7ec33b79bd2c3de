namespace CompraNet.AuctionLoad.Targets;

/// <summary>The part of a bid result the tool reads; the rest (the caller's view) is skipped while parsing.</summary>
public sealed record BidAck(string? Status, string? Code);
