namespace CompraNet.AuctionLoad.Simulations;

/// <summary>A point of the latency distribution: the latency under which <see cref="Percentile"/> percent of the steps completed.</summary>
public sealed record PercentilePoint(double Percentile, double LatencyMs);
