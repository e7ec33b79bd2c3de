namespace CompraNet.AuctionLoad.Simulations;

/// <summary>
/// About one second of one measurement (the last one of a phase may be shorter: <see cref="IntervalSeconds"/>): counts
/// and latency percentiles of the steps that completed in it.
/// </summary>
public sealed record SecondSample(double ElapsedSeconds, double IntervalSeconds, string Phase, long Ok, long Failed, double P50Ms, double P99Ms, double MaxMs)
{
    public const string WarmupPhase = "warmup";
    public const string MeasuredPhase = "measured";
}
