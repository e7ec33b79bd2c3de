using CompraNet.AuctionLoad.Targets;

namespace CompraNet.AuctionLoad.Orchestration;

/// <summary>
/// Starts load/Baseline (the conventional design: one PostgreSQL transaction per bid, locking the auction row; and
/// the bare echo hub). It has no accounts: any username signs in, those starting with "officer" as officers.
/// </summary>
public static class BaselineLauncher
{
    public const string Officer = "officer-load";

    public static async Task<RunningServer> StartAsync(string dll, string connectionString, string logDirectory, CancellationToken cancellationToken)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var environment = new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var log = Path.Combine(logDirectory, "baseline.log");
        var process = ChildProcess.Start("baseline app", dll,
            ["--urls", url.ToString().TrimEnd('/'), $"--ConnectionStrings:Postgres={connectionString}"], environment, log);
        var target = new LoadTarget("baseline", url, new TargetAccounts(Officer, "any", EngineHostLauncher.SupplierPrefix, "any"), process.Id);
        return await RunningServer.WaitHealthyAsync(process, target, log, null, cancellationToken);
    }
}
