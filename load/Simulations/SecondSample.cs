namespace CompraNet.AuctionLoad.Simulations;

/// <summary>One second of one measurement: counts and latency percentiles of the steps that completed in it.</summary>
public sealed record SecondSample(double ElapsedSeconds, string Phase, long Ok, long Failed, double P50Ms, double P99Ms, double MaxMs)
{
    public const string WarmupPhase = "warmup";
    public const string MeasuredPhase = "measured";
}
