using System.Text;
using CompraNet.AuctionLoad.Scenarios;

namespace CompraNet.AuctionLoad.Reporting;

/// <summary>report.md with the tables and the SVG charts (written beside it) of every scenario.</summary>
public static class MarkdownReportWriter
{
    public static string Write(RunReport report, string directory)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Load run: {report.Scenario}");
        md.AppendLine();
        md.AppendLine($"Started {report.StartedAt:u} on {Environment.ProcessorCount} cores; the load tool and the server(s) share this machine. " +
            $"Result: **{(report.Passed ? "PASS" : "FAIL")}**.");
        md.AppendLine();
        md.AppendLine($"`{string.Join(' ', report.Arguments)}`");

        foreach (var result in report.Results)
        {
            md.AppendLine();
            md.AppendLine($"## {result.Name} on {result.Target}");
            md.AppendLine();
            md.AppendLine(result.Load);
            md.AppendLine();
            Table(md, ResultTable.MeasurementHeader, ResultTable.MeasurementRows(result));
            md.AppendLine();
            foreach (var m in new[] { result.Main }.Concat(result.Others))
            {
                md.AppendLine($"- {m.Name} failures: {ResultTable.Failures(m)}");
            }

            md.AppendLine($"- {ResultTable.Figures(result)}");
            foreach (var note in result.Notes)
            {
                md.AppendLine($"- {note}");
            }

            foreach (var check in result.Thresholds)
            {
                md.AppendLine($"- {ResultTable.Check(check)}");
            }

            if (result.Main.Seconds.Count > 0)
            {
                md.AppendLine();
                md.AppendLine($"![{result.Name} latency]({Svg(directory, $"{result.Name}-latency.svg", ReportCharts.LatencyOverTime(result))})");
                md.AppendLine($"![{result.Name} rate]({Svg(directory, $"{result.Name}-rate.svg", ReportCharts.RateOverTime(result))})");
            }
        }

        if (report.Comparisons.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Side by side");
            md.AppendLine();
            Table(md, ResultTable.ComparisonHeader, report.Comparisons.Select(ResultTable.Row));
            foreach (var check in report.Checks)
            {
                md.AppendLine($"- {ResultTable.Check(check)}");
            }
        }

        md.AppendLine();
        md.AppendLine("## Latency distribution");
        md.AppendLine();
        md.AppendLine($"![latency by percentile]({Svg(directory, "latency-distribution.svg", ReportCharts.Distribution(report.Results))})");
        md.AppendLine();
        md.AppendLine("Per-second rates and latencies: [rates.csv](rates.csv); every figure: [summary.json](summary.json).");

        var path = Path.Combine(directory, "report.md");
        File.WriteAllText(path, md.ToString());
        return path;
    }

    private static string Svg(string directory, string file, SvgLineChart chart)
    {
        File.WriteAllText(Path.Combine(directory, file), chart.Render());
        return file;
    }

    private static void Table(StringBuilder md, string[] header, IEnumerable<string[]> rows)
    {
        md.AppendLine($"| {string.Join(" | ", header)} |");
        md.AppendLine($"|{string.Concat(header.Select((_, i) => i == 0 ? " --- |" : " ---: |"))}");
        foreach (var row in rows)
        {
            md.AppendLine($"| {string.Join(" | ", row)} |");
        }
    }
}
