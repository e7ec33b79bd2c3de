namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>The budget system's answer: whether the amount is available on the budget line, and why not.</summary>
public sealed record BudgetAnswer(bool Available, string? Reason)
{
    public static readonly BudgetAnswer Yes = new(true, null);
}
