namespace CompraNet.AuctionHost.Ops;

/// <summary>This host's memory and live auctions, for capacity planning and load reports.</summary>
public sealed record ProcessReport(long WorkingSetBytes, long PrivateMemoryBytes, long GcHeapBytes, int ActiveAuctions, DateTimeOffset At);
