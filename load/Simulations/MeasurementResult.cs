namespace CompraNet.AuctionLoad.Simulations;

/// <summary>The final numbers of one <see cref="Measurement"/> over its measured window.</summary>
public sealed record MeasurementResult(
    string Name,
    double DurationSeconds,
    long OkCount,
    long FailCount,
    long MissedCount,
    double Rps,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double MeanMs,
    IReadOnlyDictionary<string, long> Failures,
    IReadOnlyList<SecondSample> Seconds,
    IReadOnlyList<PercentilePoint> Distribution)
{
    /// <summary>Failed or never-sent steps over all attempted ones.</summary>
    public double FailRate
    {
        get
        {
            var attempts = OkCount + FailCount + MissedCount;
            return attempts == 0 ? 0 : (double)(FailCount + MissedCount) / attempts;
        }
    }
}
