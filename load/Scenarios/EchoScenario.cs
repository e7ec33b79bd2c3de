using CompraNet.AuctionLoad.Settings;
using CompraNet.AuctionLoad.Simulations;
using CompraNet.AuctionLoad.Targets;

namespace CompraNet.AuctionLoad.Scenarios;

/// <summary>
/// The transport's ceiling: the same copies (or rate) as the bidding scenarios, each calling the baseline app's bare
/// echo hub, which returns the payload and does nothing else.
/// </summary>
public sealed class EchoScenario(LoadTarget target, LoadSettings settings) : IScenario
{
    public string Name => "echo";

    public async Task<ScenarioResult> RunAsync(CancellationToken cancellationToken)
    {
        var payload = new string('x', settings.EchoPayloadBytes);
        var connections = Enumerable.Range(0, settings.Bidders).Select(_ => EchoConnection.Create(target, payload)).ToArray();
        try
        {
            await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = settings.ConnectConcurrency, CancellationToken = cancellationToken },
                async (c, ct) => await c.StartAsync(ct));
            Console.WriteLine($"[setup] {connections.Length} echo connections to {target.Name}");

            var echoes = new Measurement("echoes");
            var simulation = BiddingLoad.For(settings, connections.Length);
            var runner = new LoadRunner(Name, simulation);
            await runner.RunAsync((i, ct) => connections[i].EchoAsync(ct), echoes, [echoes], cancellationToken);
            return new ScenarioResult(Name, target.Name, simulation.Describe(), echoes.Result(), [],
                new Dictionary<string, double>(runner.SendLagFigures()) { ["connections"] = connections.Length, ["payloadBytes"] = settings.EchoPayloadBytes },
                ["bare SignalR echo hub /hubs/echo of load/Baseline: Echo(payload) returns the payload"]);
        }
        finally
        {
            foreach (var c in connections)
            {
                await c.DisposeAsync();
            }
        }
    }
}
