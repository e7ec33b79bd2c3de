namespace CompraNet.AuctionLoad.Targets;

/// <summary>The part of a pushed view the tool reads: the server's time stamp of that state, and its sequence.</summary>
public sealed record ViewStamp(DateTimeOffset ServerTime, long Sequence);
