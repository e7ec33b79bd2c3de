using CompraNet.AuctionLoad.Scenarios;
using CompraNet.AuctionLoad.Simulations;

namespace CompraNet.AuctionLoad.Reporting;

/// <summary>The report's charts: latency and rate per second of each scenario, and every scenario's latency distribution.</summary>
public static class ReportCharts
{
    private static readonly (double X, string Label)[] NinesTicks = [(0, "0%"), (1, "90%"), (2, "99%"), (3, "99.9%"), (4, "99.99%"), (4.5, "max")];

    public static SvgLineChart LatencyOverTime(ScenarioResult result)
    {
        var chart = new SvgLineChart($"{result.Name}: {result.Main.Name} latency per second", "seconds into the measured window", "ms");
        var seconds = Measured(result.Main);
        chart.Series.Add(new("p50", SvgLineChart.Palette[0], [.. seconds.Select(s => (s.T, s.Sample.P50Ms))]));
        chart.Series.Add(new("p99", SvgLineChart.Palette[1], [.. seconds.Select(s => (s.T, s.Sample.P99Ms))]));
        chart.Series.Add(new("max", SvgLineChart.Palette[3], [.. seconds.Select(s => (s.T, s.Sample.MaxMs))]));
        return chart;
    }

    public static SvgLineChart RateOverTime(ScenarioResult result)
    {
        var chart = new SvgLineChart($"{result.Name}: completed per second", "seconds into the measured window", "per second");
        var i = 0;
        foreach (var measurement in new[] { result.Main }.Concat(result.Others))
        {
            // A sliver of a second at the end of the window would plot as a false dip.
            var seconds = Measured(measurement).Where(s => s.Sample.IntervalSeconds >= 0.5).ToList();
            chart.Series.Add(new($"{measurement.Name} ok", SvgLineChart.Palette[i++ % SvgLineChart.Palette.Length],
                [.. seconds.Select(s => (s.T, s.Sample.Ok / s.Sample.IntervalSeconds))]));
            chart.Series.Add(new($"{measurement.Name} failed", SvgLineChart.Palette[i++ % SvgLineChart.Palette.Length],
                [.. seconds.Select(s => (s.T, s.Sample.Failed / s.Sample.IntervalSeconds))]));
        }

        return chart;
    }

    /// <summary>Latency against percentile on a "nines" axis (90%, 99%, 99.9%…), one line per scenario.</summary>
    public static SvgLineChart Distribution(IReadOnlyList<ScenarioResult> results)
    {
        var chart = new SvgLineChart("latency by percentile", "percentile", "ms (log scale)") { XTicks = NinesTicks, LogY = true };
        var i = 0;
        foreach (var result in results.Where(r => r.Main.Distribution.Count > 0))
        {
            var points = result.Main.Distribution.Select(p => (Nines(p.Percentile), p.LatencyMs)).ToList();
            chart.Series.Add(new($"{result.Name} ({result.Main.Name})", SvgLineChart.Palette[i++ % SvgLineChart.Palette.Length], points));
        }

        return chart;
    }

    private static double Nines(double percentile) => percentile >= 100 ? 4.5 : Math.Min(4, -Math.Log10(1 - (percentile / 100)));

    private static List<(double T, SecondSample Sample)> Measured(MeasurementResult measurement)
    {
        var measured = measurement.Seconds.Where(s => s.Phase == SecondSample.MeasuredPhase).ToList();
        var start = measured.Count == 0 ? 0 : measured[0].ElapsedSeconds - 1;
        return [.. measured.Select(s => (Math.Round(s.ElapsedSeconds - start, 1), s))];
    }
}
