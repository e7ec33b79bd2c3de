namespace CompraNet.Baseline.Auctions;

public sealed record MinStepRequest(StepKind? Kind, decimal? Value, StepReference? RelativeTo);
