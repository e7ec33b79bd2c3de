using CompraNet.AuctionLoad.Scenarios;

namespace CompraNet.AuctionLoad.Reporting;

/// <summary>Writes a run's report folder: summary.json, rates.csv, report.md and its SVG charts.</summary>
public static class ReportFolder
{
    public static void Write(RunReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        SummaryJsonWriter.Write(report, directory);
        RatesCsvWriter.Write(report, directory);
        var markdown = MarkdownReportWriter.Write(report, directory);
        Console.WriteLine($"Report: {markdown} (with summary.json, rates.csv and the charts in {directory})");
    }
}
