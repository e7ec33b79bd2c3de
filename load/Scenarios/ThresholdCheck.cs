namespace CompraNet.AuctionLoad.Scenarios;

/// <summary>One pass/fail condition of a run, with the limit and what was measured.</summary>
public sealed record ThresholdCheck(string Name, string Limit, double Actual, bool Passed);
