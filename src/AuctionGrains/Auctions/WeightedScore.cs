namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// Weighted (MEAT) ranking in exact arithmetic: a bid ranks by price / K, compared by cross-multiplying
/// (a1 · K2 vs a2 · K1) so no division ever rounds a ranking decision.
/// </summary>
public static class WeightedScore
{
    /// <summary>The non-price weight cap (ProZorro: 30%): the sum of the features' maximum values may not exceed it.</summary>
    public const decimal MaxNonPriceWeight = 0.30m;

    /// <summary>The largest K the cap allows: 1 + 0.3 / 0.7.</summary>
    public static bool IsValidCoefficient(decimal k) => k >= 1m && (k - 1m) * (1m - MaxNonPriceWeight) <= MaxNonPriceWeight;

    /// <summary>K = 1 + (sum of the bidder's feature values) / (1 − sum of the features' maximum values).</summary>
    public static decimal Coefficient(IEnumerable<decimal> featureValues, IEnumerable<decimal> featureMaxima)
    {
        var maxSum = featureMaxima.Sum();
        if (maxSum < 0m || maxSum > MaxNonPriceWeight)
        {
            throw new ArgumentOutOfRangeException(nameof(featureMaxima), $"The features' maximum values add up to {maxSum}; the cap is {MaxNonPriceWeight}.");
        }

        return 1m + featureValues.Sum() / (1m - maxSum);
    }

    /// <summary>Compares the scores amount1 / k1 and amount2 / k2 exactly.</summary>
    public static int Compare(decimal amount1, decimal k1, decimal amount2, decimal k2) =>
        k1 == k2 ? amount1.CompareTo(amount2) : (amount1 * k2).CompareTo(amount2 * k1);

    /// <summary>Price / K rounded to the cent, for display.</summary>
    public static decimal Display(decimal amount, decimal k) =>
        k == 1m ? amount : decimal.Round(amount / k, 2, MidpointRounding.AwayFromZero);
}
