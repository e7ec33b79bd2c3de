using System.Globalization;

namespace CompraNet.AuctionLoad.Simulations;

/// <summary>
/// Open model: steps are injected at a fixed <see cref="Rate"/> whatever the system does. Step k is due at
/// k / Rate seconds and is sent by copy k mod Copies; its latency counts from that intended time, so a system that
/// falls behind shows it as latency (and as steps never sent) instead of quietly slowing the generator.
/// </summary>
public sealed record OpenModel(double Rate, int Copies, TimeSpan Warmup, TimeSpan Duration) : LoadSimulation(Copies, Warmup, Duration)
{
    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"open model, {Rate:0.#}/s injected over {Copies} senders, latency from the intended send time");

    /// <summary>Seconds from the start of the run at which a copy's n-th step is due.</summary>
    public double DueAt(int copy, long n) => ((n * Copies) + copy) / Rate;

    /// <summary>How many of a copy's steps from its n-th on fall due in [from, to) seconds.</summary>
    public long DueBetween(int copy, long n, double from, double to)
    {
        var first = Math.Max(n, (long)Math.Ceiling(((from * Rate) - copy) / Copies));
        var endExclusive = (long)Math.Ceiling(((to * Rate) - copy) / Copies);
        return Math.Max(0, endExclusive - first);
    }
}
