namespace CompraNet.AuctionLoad.Scenarios;

/// <summary>A load scenario: setup (auctions, sign-ins, connections), a load simulation, and what it measured.</summary>
public interface IScenario
{
    string Name { get; }

    Task<ScenarioResult> RunAsync(CancellationToken cancellationToken);
}
