namespace CompraNet.AuctionLoad.Scenarios;

/// <summary>Two scenarios of one run side by side: throughput and latency ratios (first over second).</summary>
public sealed record Comparison(string Name, string Of, string Against, double RpsRatio, double P50Ratio, double P99Ratio)
{
    public static Comparison Between(string name, ScenarioResult of, ScenarioResult against) =>
        new(name, of.Name, against.Name, Ratio(of.Main.Rps, against.Main.Rps), Ratio(of.Main.P50Ms, against.Main.P50Ms), Ratio(of.Main.P99Ms, against.Main.P99Ms));

    private static double Ratio(double a, double b) => b == 0 ? 0 : Math.Round(a / b, 3);
}
