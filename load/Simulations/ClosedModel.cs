namespace CompraNet.AuctionLoad.Simulations;

/// <summary>
/// Closed model: each copy sends its next step as soon as the previous one is acknowledged, so the offered load
/// adapts to the system and the rate measured is what it sustains with that many outstanding requests.
/// </summary>
public sealed record ClosedModel(int Copies, TimeSpan Warmup, TimeSpan Duration) : LoadSimulation(Copies, Warmup, Duration)
{
    public override string Describe() => $"closed model, {Copies} copies as fast as acknowledged";
}
