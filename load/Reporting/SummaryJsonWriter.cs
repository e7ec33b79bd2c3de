using System.Text.Json;
using CompraNet.AuctionLoad.Scenarios;
using CompraNet.AuctionLoad.Simulations;

namespace CompraNet.AuctionLoad.Reporting;

/// <summary>
/// summary.json: per scenario its name, durationSeconds, okCount, failCount, rps, p50Ms, p95Ms, p99Ms, maxMs (of its
/// main measurement), the other measurements, figures and thresholds; for compare, the ratios.
/// </summary>
public static class SummaryJsonWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Write(RunReport report, string directory)
    {
        var path = Path.Combine(directory, "summary.json");
        var summary = new
        {
            scenario = report.Scenario,
            startedAt = report.StartedAt,
            arguments = report.Arguments,
            machine = new { Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription },
            passed = report.Passed,
            scenarios = report.Results.Select(r => new
            {
                name = r.Name,
                target = r.Target,
                load = r.Load,
                measurement = r.Main.Name,
                durationSeconds = Math.Round(r.Main.DurationSeconds, 3),
                okCount = r.Main.OkCount,
                failCount = r.Main.FailCount,
                missedCount = r.Main.MissedCount,
                failRate = Math.Round(r.Main.FailRate, 6),
                rps = Math.Round(r.Main.Rps, 1),
                p50Ms = Round(r.Main.P50Ms),
                p95Ms = Round(r.Main.P95Ms),
                p99Ms = Round(r.Main.P99Ms),
                maxMs = Round(r.Main.MaxMs),
                meanMs = Round(r.Main.MeanMs),
                failures = r.Main.Failures,
                ratios = report.Comparisons.Where(c => c.Of == r.Name).ToDictionary(c => c.Name, c => c.RpsRatio),
                others = r.Others.Select(Measurement).ToArray(),
                figures = r.Figures,
                notes = r.Notes,
                thresholds = r.Thresholds,
                passed = r.Passed,
            }).ToArray(),
            comparisons = report.Comparisons,
            checks = report.Checks,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(summary, Json));
        return path;
    }

    private static object Measurement(MeasurementResult m) => new
    {
        name = m.Name,
        durationSeconds = Math.Round(m.DurationSeconds, 3),
        okCount = m.OkCount,
        failCount = m.FailCount,
        missedCount = m.MissedCount,
        rps = Math.Round(m.Rps, 1),
        p50Ms = Round(m.P50Ms),
        p95Ms = Round(m.P95Ms),
        p99Ms = Round(m.P99Ms),
        maxMs = Round(m.MaxMs),
        failures = m.Failures,
    };

    private static double Round(double ms) => Math.Round(ms, 3);
}
