namespace CompraNet.AuctionLoad.Scenarios;

/// <summary>A scenario could not be set up (missing accounts, unreachable host, no process endpoint): a usage error, exit code 2.</summary>
public sealed class ScenarioSetupException(string message, Exception? inner = null) : Exception(message, inner);
