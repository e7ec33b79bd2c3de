using System.Text;
using CompraNet.AuctionLoad.Scenarios;

namespace CompraNet.AuctionLoad.Reporting;

/// <summary>The tables printed at the end of a run: one per scenario, then the comparisons and the verdict.</summary>
public static class ConsoleReport
{
    public static void Print(RunReport report)
    {
        var text = new StringBuilder();
        foreach (var result in report.Results)
        {
            text.AppendLine();
            text.AppendLine($"== {result.Name} on {result.Target}: {result.Load}");
            Table(text, ResultTable.MeasurementHeader, ResultTable.MeasurementRows(result));
            foreach (var m in new[] { result.Main }.Concat(result.Others))
            {
                text.AppendLine($"   {m.Name} failures: {ResultTable.Failures(m)}");
            }

            text.AppendLine($"   {ResultTable.Figures(result)}");
            if (result.Main.Failures.ContainsKey("rate-limited") || result.Others.Any(o => o.Failures.ContainsKey("rate-limited")))
            {
                text.AppendLine("   hint: bids were refused rate-limited: start the host with --CompraNet:Realtime:MaxBidsPerSupplierPerSecond=100000 --CompraNet:Realtime:BidBurst=100000");
            }

            foreach (var check in result.Thresholds)
            {
                text.AppendLine($"   {ResultTable.Check(check)}");
            }
        }

        if (report.Comparisons.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("== side by side (same run, same load)");
            Table(text, ResultTable.ComparisonHeader, report.Comparisons.Select(ResultTable.Row));
            foreach (var check in report.Checks)
            {
                text.AppendLine($"   {ResultTable.Check(check)}");
            }
        }

        text.AppendLine();
        text.AppendLine(report.Passed ? "RESULT: PASS" : "RESULT: FAIL (a threshold did not hold)");
        Console.Write(text.ToString());
    }

    private static void Table(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        var all = new[] { header }.Concat(rows).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
        foreach (var row in all)
        {
            text.Append("   ");
            for (var c = 0; c < row.Length; c++)
            {
                text.Append(c == 0 ? row[c].PadRight(widths[c]) : row[c].PadLeft(widths[c] + 2));
            }

            text.AppendLine();
        }
    }
}
