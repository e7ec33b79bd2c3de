namespace CompraNet.Baseline.Auctions;

/// <summary>The minimum decrement: an amount or a percent below the bidder's own best or the leading price.</summary>
public sealed record MinStep(StepKind Kind, decimal Value, StepReference RelativeTo);
