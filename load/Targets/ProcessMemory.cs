namespace CompraNet.AuctionLoad.Targets;

/// <summary>The host's memory as <c>GET /api/ops/process?gc=true</c> reports it, or as /proc shows it.</summary>
public sealed record ProcessMemory(long WorkingSetBytes, long? GcHeapBytes, int? ActiveAuctions, string Source);
