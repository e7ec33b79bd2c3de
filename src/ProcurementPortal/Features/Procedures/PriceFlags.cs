namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>
/// Price checks of the evaluation (LAASSP 2025): above the procedure's budget or more than 10% above the market
/// reference price is "not acceptable"; 40% or more below the average of the technically admissible offers is "not
/// convenient". The official decides on each flagged offer and the decision is recorded.
/// </summary>
public static class PriceFlags
{
    public const string OverBudget = "not-acceptable-over-budget";
    public const string OverMarket = "not-acceptable-over-market";
    public const string NotConvenient = "not-convenient";

    public const decimal MarketTolerance = 0.10m;
    public const decimal ConvenienceFloor = 0.40m;

    /// <summary>The flags of one offer; <paramref name="admissibleAverage"/> is the average of the technically admissible offers.</summary>
    public static IReadOnlyList<string> Of(decimal total, decimal budget, decimal? referencePrice, decimal admissibleAverage)
    {
        var flags = new List<string>();
        if (total > budget)
        {
            flags.Add(OverBudget);
        }

        if (referencePrice is > 0 && total > referencePrice.Value * (1 + MarketTolerance))
        {
            flags.Add(OverMarket);
        }

        if (admissibleAverage > 0 && total <= admissibleAverage * (1 - ConvenienceFloor))
        {
            flags.Add(NotConvenient);
        }

        return flags;
    }
}
