using CompraNet.AuctionLoad.Simulations;

namespace CompraNet.AuctionLoad.Scenarios;

/// <summary>
/// What one scenario measured: its main measurement (bid acknowledgements, deliveries, echoes or creations), any
/// further ones, named extra figures (memory, ratios), and the thresholds it was held to.
/// </summary>
public sealed record ScenarioResult(
    string Name,
    string Target,
    string Load,
    MeasurementResult Main,
    IReadOnlyList<MeasurementResult> Others,
    IReadOnlyDictionary<string, double> Figures,
    IReadOnlyList<string> Notes)
{
    public IReadOnlyList<ThresholdCheck> Thresholds { get; init; } = [];

    public bool Passed => Thresholds.All(t => t.Passed);
}
