using CompraNet.AuctionLoad.Scenarios;
using CompraNet.AuctionLoad.Settings;

namespace CompraNet.AuctionLoad.Orchestration;

/// <summary>
/// <c>--scenario compare</c>: on a fresh PostgreSQL database, the engine host runs hot-auction (closed model), then
/// hot-auction-half (open model at half the rate it just reached: the latency goal's load), watchers and
/// idle-memory; then, with the host stopped so each server has the machine to itself, load/Baseline runs the same
/// bidding load (baseline) and the same number of copies on its echo hub (echo). Reports engine/baseline and
/// engine/echo. Every process it starts and the database are removed at the end, on failure and on Ctrl+C too.
/// </summary>
public static class CompareRun
{
    public static async Task<(IReadOnlyList<ScenarioResult> Results, IReadOnlyList<Comparison> Comparisons, IReadOnlyList<ThresholdCheck> Checks)> RunAsync(
        LoadSettings settings, CancellationToken cancellationToken)
    {
        var root = ProjectBuilder.RepositoryRoot();
        var hostDll = await ProjectBuilder.BuildAsync(Path.Combine(root, "src", "AuctionHost", "AuctionHost.csproj"), settings.NoBuild, cancellationToken);
        var baselineDll = await ProjectBuilder.BuildAsync(Path.Combine(root, "load", "Baseline", "Baseline.csproj"), settings.NoBuild, cancellationToken);
        var logs = Path.Combine(settings.ReportDirectory, "logs");
        var bidders = Math.Max(2, settings.Bidders);

        await using var database = await TemporaryDatabase.CreateAsync(settings.Postgres!, $"compranet_load_{settings.RunId.Replace('-', '_')}", cancellationToken);
        var results = new List<ScenarioResult>();
        ScenarioResult engine;
        await using (var host = await EngineHostLauncher.StartAsync(hostDll, database.ConnectionString, bidders, logs, cancellationToken))
        {
            engine = await RunOneAsync(new HotAuctionScenario("hot-auction", host.Target, settings), settings, cancellationToken);
            var half = settings with { Rate = Math.Max(1, Math.Round(engine.Main.Rps / 2)) };
            results.Add(engine);
            results.Add(await RunOneAsync(new HotAuctionScenario("hot-auction-half", host.Target, half), half, cancellationToken));
            results.Add(await RunOneAsync(new WatchersScenario(host.Target, settings), settings, cancellationToken));
            results.Add(await RunOneAsync(new IdleMemoryScenario(host.Target, settings), settings, cancellationToken));
        }

        ScenarioResult baseline;
        ScenarioResult echo;
        await using (var app = await BaselineLauncher.StartAsync(baselineDll, database.ConnectionString, logs, cancellationToken))
        {
            baseline = await RunOneAsync(new HotAuctionScenario("baseline", app.Target, settings), settings, cancellationToken);
            echo = await RunOneAsync(new EchoScenario(app.Target, settings), settings, cancellationToken);
        }

        var comparisons = new[]
        {
            Comparison.Between("engine/baseline", engine, baseline),
            Comparison.Between("engine/echo", engine, echo),
        };
        var checks = new List<ThresholdCheck>();
        if (settings.MinBaselineRatio is { } minBaseline)
        {
            checks.Add(new("engine/baseline ok/s ratio", $">= {Thresholds.F(minBaseline)}", comparisons[0].RpsRatio, comparisons[0].RpsRatio >= minBaseline));
        }

        if (settings.MinEchoRatio is { } minEcho)
        {
            checks.Add(new("engine/echo ok/s ratio", $">= {Thresholds.F(minEcho)}", comparisons[1].RpsRatio, comparisons[1].RpsRatio >= minEcho));
        }

        results.Add(baseline);
        results.Add(echo);
        return (results, comparisons, checks);
    }

    private static async Task<ScenarioResult> RunOneAsync(IScenario scenario, LoadSettings settings, CancellationToken cancellationToken) =>
        Thresholds.Apply(await scenario.RunAsync(cancellationToken), settings);
}
