using System.Globalization;
using CompraNet.AuctionLoad.Scenarios;
using CompraNet.AuctionLoad.Simulations;

namespace CompraNet.AuctionLoad.Reporting;

/// <summary>The rows of the end-of-run tables, shared by the console and the Markdown report.</summary>
public static class ResultTable
{
    public static readonly string[] MeasurementHeader = ["measurement", "seconds", "ok", "failed", "missed", "ok/s", "p50 ms", "p95 ms", "p99 ms", "max ms"];

    public static readonly string[] ComparisonHeader = ["comparison", "ok/s ratio", "p50 ratio", "p99 ratio"];

    public static IEnumerable<string[]> MeasurementRows(ScenarioResult result) =>
        new[] { result.Main }.Concat(result.Others).Select(Row);

    public static string[] Row(MeasurementResult m) =>
    [
        m.Name, F(m.DurationSeconds, "0.0"), N(m.OkCount), N(m.FailCount), N(m.MissedCount), F(m.Rps, "#,0.0"),
        F(m.P50Ms, "0.00"), F(m.P95Ms, "0.00"), F(m.P99Ms, "0.00"), F(m.MaxMs, "0.00"),
    ];

    public static string[] Row(Comparison c) =>
        [$"{c.Name} ({c.Of} / {c.Against})", F(c.RpsRatio, "0.00") + "x", F(c.P50Ratio, "0.00"), F(c.P99Ratio, "0.00")];

    public static string Failures(MeasurementResult m) =>
        m.Failures.Count == 0 ? "none" : string.Join(", ", m.Failures.Select(f => $"{f.Key} {N(f.Value)}"));

    public static string Figures(ScenarioResult result) =>
        string.Join(", ", result.Figures.Select(f => $"{f.Key} {F(f.Value, "#,0.##")}"));

    public static string Check(ThresholdCheck t) =>
        $"{(t.Passed ? "PASS" : "FAIL")} {t.Name} {t.Limit} (actual {F(t.Actual, "#,0.######")})";

    private static string N(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
