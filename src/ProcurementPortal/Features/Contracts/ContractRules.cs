using System.Collections.Immutable;
using System.Globalization;
using CompraNet.ProcurementPortal.Features.Procedures;

namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>
/// The contract's rules, on values only: prices from the winning offer, the default performance guarantee, the
/// 20% limit on amendments (art. 52 LAASSP) and what changed between two versions.
/// </summary>
public static class ContractRules
{
    /// <summary>Cumulative amendments may raise the original value or stretch the original period by at most this percentage.</summary>
    public const decimal AmendmentLimitPercent = 20m;

    public const decimal DefaultPerformancePercent = 10m;

    public const decimal DefaultPenaltyPercentPerDay = 1m;

    /// <summary>The highest daily penalty the portal accepts in a contract (a typo guard, not a legal figure).</summary>
    public const decimal MaxPenaltyPercentPerDay = 5m;

    /// <summary>The largest advance the portal accepts, in percent of the value (art. 13 LAASSP allows up to 50%).</summary>
    public const decimal MaxAdvancePercent = 50m;

    /// <summary>Id of the payment order of the advance.</summary>
    public static string AdvanceOrderId(string contractId) => $"{contractId}-OPA";

    public const int MinReason = 10;

    public const int MinExceptionJustification = 30;

    public static readonly IReadOnlyList<string> GuaranteeTypes = ["fianza", "cheque-certificado", "carta-de-credito", "deposito"];

    /// <summary>
    /// The contract's items: the procedure's items and quantities at the winner's offered unit prices, each multiplied
    /// by award ÷ offer total (1 without an auction) and rounded to cents. The contract's value is the award amount,
    /// so after an auction the items may add up to it within rounding (at most half a cent per unit).
    /// </summary>
    public static ImmutableArray<ContractItem> Items(Procedure procedure, OpenedOffer? offer, decimal awardAmount)
    {
        var factor = offer is { Total: > 0 } ? awardAmount / offer.Total : 1m;
        return [.. procedure.Items.Select(item =>
        {
            var offered = offer?.Items.FirstOrDefault(p => p.ItemId == item.Id)?.UnitPrice;
            var price = offered is { } p ? decimal.Round(p * factor, 2, MidpointRounding.ToEven) : 0m;
            return new ContractItem(item.Id, item.Description, item.Cucop, item.Quantity, item.Unit, price);
        })];
    }

    public static decimal DefaultPerformanceAmount(decimal value) => decimal.Round(value * DefaultPerformancePercent / 100m, 2, MidpointRounding.ToEven);

    /// <summary>How far <paramref name="proposed"/> is above the original value, in percent (negative when lower).</summary>
    public static decimal ValueIncreasePercent(ContractTerms original, ContractTerms proposed) =>
        (proposed.Value - original.Value) * 100m / original.Value;

    /// <summary>How far <paramref name="proposed"/>'s period (days, both ends included) is beyond the original, in percent.</summary>
    public static decimal PeriodIncreasePercent(ContractTerms original, ContractTerms proposed) =>
        (proposed.Days - original.Days) * 100m / original.Days;

    /// <summary>Exactly 20% more is allowed; anything above it is not (compared exactly, without rounding).</summary>
    public static bool ValueOverLimit(ContractTerms original, ContractTerms proposed) =>
        proposed.Value * 100m > original.Value * (100m + AmendmentLimitPercent);

    public static bool PeriodOverLimit(ContractTerms original, ContractTerms proposed) =>
        proposed.Days * 100m > original.Days * (100m + AmendmentLimitPercent);

    /// <summary>The original items whose quantity <paramref name="proposed"/> raises by more than 20% (art. 52 LAASSP: amounts or quantities).</summary>
    public static IReadOnlyList<ContractItem> ItemsOverLimit(ContractTerms original, ContractTerms proposed) =>
        [.. original.Items.Where(was => proposed.Items.FirstOrDefault(i => i.Id == was.Id) is { } now && now.Quantity * 100m > was.Quantity * (100m + AmendmentLimitPercent))];

    public static IReadOnlyList<ContractChange> Changes(ContractTerms before, ContractTerms after)
    {
        var changes = new List<ContractChange>();
        Compare("value", before.Value, after.Value);
        Compare("period.startDate", before.StartDate, after.StartDate);
        Compare("period.endDate", before.EndDate, after.EndDate);
        var ids = before.Items.Select(i => i.Id).Union(after.Items.Select(i => i.Id), StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var was = before.Items.FirstOrDefault(i => i.Id == id);
            var now = after.Items.FirstOrDefault(i => i.Id == id);
            if (was is null || now is null)
            {
                changes.Add(new ContractChange($"items[{id}]", was?.Description, now?.Description));
                continue;
            }

            Compare($"items[{id}].quantity", was.Quantity, now.Quantity);
            Compare($"items[{id}].unitPrice", was.UnitPrice, now.UnitPrice);
        }

        return changes;

        void Compare<T>(string field, T was, T now) where T : IFormattable
        {
            if (!EqualityComparer<T>.Default.Equals(was, now))
            {
                changes.Add(new ContractChange(field, Format(was), Format(now)));
            }
        }
    }

    private static string Format(IFormattable value) => value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value.ToString(null, CultureInfo.InvariantCulture),
    };
}
