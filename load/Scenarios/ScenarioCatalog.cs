using CompraNet.AuctionLoad.Orchestration;
using CompraNet.AuctionLoad.Settings;
using CompraNet.AuctionLoad.Targets;

namespace CompraNet.AuctionLoad.Scenarios;

/// <summary>Maps --scenario to what runs: one scenario against --url, or the whole compare run.</summary>
public static class ScenarioCatalog
{
    public static async Task<RunReport> RunAsync(LoadSettings settings, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        if (settings.Scenario == "compare")
        {
            var (results, comparisons, checks) = await CompareRun.RunAsync(settings, cancellationToken);
            return new RunReport(settings.Scenario, started, arguments, results, comparisons, checks);
        }

        var target = new LoadTarget(
            settings.Scenario is "baseline" or "echo" ? "baseline" : "engine",
            settings.Url!,
            new TargetAccounts(settings.Officer, settings.OfficerPassword, settings.SupplierPrefix, settings.SupplierPassword),
            settings.HostPid)
        {
            Urls = settings.Urls.Count > 0 ? settings.Urls : [settings.Url!],
        };
        IScenario scenario = settings.Scenario switch
        {
            "hot-auction" => new HotAuctionScenario("hot-auction", target, settings),
            "baseline" => new HotAuctionScenario("baseline", target, settings),
            "many-auctions" => new ManyAuctionsScenario(target, settings),
            "watchers" => new WatchersScenario(target, settings),
            "echo" => new EchoScenario(target, settings),
            "idle-memory" => new IdleMemoryScenario(target, settings),
            _ => throw new ScenarioSetupException($"Unknown scenario {settings.Scenario}."),
        };

        using (var api = new AuctionApi(target.Url))
        {
            if (!await api.IsHealthyAsync(cancellationToken))
            {
                throw new ScenarioSetupException($"{target.Url}health does not answer 200: start the host first (see --help).");
            }
        }

        var result = Thresholds.Apply(await scenario.RunAsync(cancellationToken), settings);
        return new RunReport(settings.Scenario, started, arguments, [result], [], []);
    }
}
