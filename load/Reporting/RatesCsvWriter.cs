using System.Globalization;
using System.Text;
using CompraNet.AuctionLoad.Scenarios;

namespace CompraNet.AuctionLoad.Reporting;

/// <summary>rates.csv: one row per scenario, measurement and second (warm-up included, marked), with counts and latency; the last interval of a phase may be shorter than a second.</summary>
public static class RatesCsvWriter
{
    public static string Write(RunReport report, string directory)
    {
        var path = Path.Combine(directory, "rates.csv");
        var csv = new StringBuilder("scenario,measurement,elapsedSeconds,intervalSeconds,phase,ok,failed,p50Ms,p99Ms,maxMs\n");
        foreach (var result in report.Results)
        {
            foreach (var measurement in new[] { result.Main }.Concat(result.Others))
            {
                foreach (var s in measurement.Seconds)
                {
                    csv.Append(CultureInfo.InvariantCulture,
                        $"{result.Name},{measurement.Name},{s.ElapsedSeconds:0.###},{s.IntervalSeconds:0.###},{s.Phase},{s.Ok},{s.Failed},{s.P50Ms:0.###},{s.P99Ms:0.###},{s.MaxMs:0.###}\n");
                }
            }
        }

        File.WriteAllText(path, csv.ToString());
        return path;
    }
}
