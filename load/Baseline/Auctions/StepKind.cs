namespace CompraNet.Baseline.Auctions;

public enum StepKind
{
    Amount = 0,
    Percent = 1,
}
