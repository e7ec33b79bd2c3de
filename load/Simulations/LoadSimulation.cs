namespace CompraNet.AuctionLoad.Simulations;

/// <summary>How load is applied: <see cref="Copies"/> workers run a step for a warm-up (not counted) and then the measured duration.</summary>
public abstract record LoadSimulation(int Copies, TimeSpan Warmup, TimeSpan Duration)
{
    public abstract string Describe();
}
