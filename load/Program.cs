using CompraNet.AuctionLoad.Reporting;
using CompraNet.AuctionLoad.Scenarios;
using CompraNet.AuctionLoad.Settings;

// Load scenarios against an auction host on this machine; see load/README.md and --help.
var parsed = LoadSettingsParser.Parse(args, Environment.GetEnvironmentVariable);
if (parsed.Help)
{
    Console.Write(LoadSettingsParser.Usage());
    return 0;
}

if (parsed.Settings is not { } settings)
{
    Console.Error.WriteLine(parsed.Error);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Unwind instead of dying, so the processes and the database compare made are removed.
    e.Cancel = true;
    Console.Error.WriteLine("\nStopping (Ctrl+C)…");
    cancel.Cancel();
};

try
{
    var report = await ScenarioCatalog.RunAsync(settings, LoadSettingsParser.Redacted(args), cancel.Token);
    ConsoleReport.Print(report);
    ReportFolder.Write(report, settings.ReportDirectory);
    return report.Passed ? 0 : 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled; nothing reported.");
    return 130;
}
catch (Exception ex) when (ex is ScenarioSetupException or InvalidOperationException or HttpRequestException or FileNotFoundException or Npgsql.NpgsqlException)
{
    Console.Error.WriteLine($"Setup failed: {ex.Message}");
    return 2;
}
