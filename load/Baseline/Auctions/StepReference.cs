namespace CompraNet.Baseline.Auctions;

public enum StepReference
{
    Own = 0,
    Leader = 1,
}
