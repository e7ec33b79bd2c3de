namespace CompraNet.AuctionLoad.Scenarios;

/// <summary>A whole run: the scenarios it ran, the comparisons between them, and the run-level checks.</summary>
public sealed record RunReport(
    string Scenario,
    DateTimeOffset StartedAt,
    IReadOnlyList<string> Arguments,
    IReadOnlyList<ScenarioResult> Results,
    IReadOnlyList<Comparison> Comparisons,
    IReadOnlyList<ThresholdCheck> Checks)
{
    public bool Passed => Results.All(r => r.Passed) && Checks.All(c => c.Passed);
}
