using System.Text.RegularExpressions;

namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// Checks an invitation before an auction exists. Returns per-field errors keyed by the JSON path of PROTOCOL.md's
/// create body ("minStep.value", "bidders[2].coefficient"); empty when the terms are valid.
/// </summary>
public static partial class AuctionTermsValidator
{
    /// <summary>The largest ceiling accepted: keeps exact weighted comparisons far from decimal's 28 digits.</summary>
    public const decimal MaxMoney = 1_000_000_000_000_000m;

    public const int MaxBidders = 10_000;

    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(30);

    public static Dictionary<string, string[]> Validate(AuctionTerms t, DateTimeOffset now)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (!AuctionIds.IsValidPart(t.ProcedureId))
        {
            Add("procedureId", "Required: 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }

        if (t.LotId is not null && !AuctionIds.IsValidPart(t.LotId))
        {
            Add("lotId", "1–64 letters, digits, '.', '_' or '-', starting with a letter or digit; or null.");
        }

        if (string.IsNullOrWhiteSpace(t.Title) || t.Title.Length > 300)
        {
            Add("title", "Required, at most 300 characters.");
        }

        if (t.Currency is null || !CurrencyPattern().IsMatch(t.Currency))
        {
            Add("currency", "An ISO 4217 code of three capital letters, e.g. MXN.");
        }

        CheckEnum(t.Format, "format", Add);
        CheckEnum(t.TieRule, "tieRule", Add);
        CheckEnum(t.Feedback, "feedback", Add);
        if (t.MinStep is not null)
        {
            CheckEnum(t.MinStep.Kind, "minStep.kind", Add);
            CheckEnum(t.MinStep.RelativeTo, "minStep.relativeTo", Add);
        }

        if (t.SoftClose is not null)
        {
            CheckEnum(t.SoftClose.Trigger, "softClose.trigger", Add);
        }

        CheckMoney(t.CeilingPrice, "ceilingPrice", Add);
        CheckStep(t, Add);
        if (t.MaxStepPercent is { } maxStep && (maxStep <= 0m || maxStep >= 100m))
        {
            Add("maxStepPercent", "A percent between 0 and 100 (exclusive), or null.");
        }

        CheckTimes(t, now, Add);
        CheckSoftClose(t.SoftClose, Add);
        CheckBidders(t, Add);
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    private static void CheckEnum<TEnum>(TEnum value, string field, Action<string, string> add)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            add(field, "Unknown value: use one of the values PROTOCOL.md lists for this field.");
        }
    }

    private static void CheckMoney(decimal amount, string field, Action<string, string> add)
    {
        if (amount <= 0m || amount > MaxMoney)
        {
            add(field, $"Must be greater than 0 and at most {MaxMoney:0}.");
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            add(field, "At most 2 decimals.");
        }
    }

    private static void CheckStep(AuctionTerms t, Action<string, string> add)
    {
        if (t.MinStep is null)
        {
            add("minStep", "Required.");
            return;
        }

        var value = t.MinStep.Value;
        if (t.MinStep.Kind == StepKind.Amount)
        {
            if (value <= 0m || value >= t.CeilingPrice || decimal.Round(value, 2) != value)
            {
                add("minStep.value", "An amount greater than 0, below the ceiling price, with at most 2 decimals.");
            }
        }
        else if (value <= 0m || value >= 100m)
        {
            add("minStep.value", "A percent between 0 and 100 (exclusive).");
        }
    }

    private static void CheckTimes(AuctionTerms t, DateTimeOffset now, Action<string, string> add)
    {
        if (t.EndsAt <= t.StartsAt)
        {
            add("endsAt", "Must be after startsAt.");
        }
        else if (t.EndsAt - t.StartsAt > MaxDuration)
        {
            add("endsAt", $"An auction lasts at most {MaxDuration.TotalDays} days.");
        }

        if (t.EndsAt <= now)
        {
            add("endsAt", "Must be in the future.");
        }
    }

    private static void CheckSoftClose(SoftClose? softClose, Action<string, string> add)
    {
        if (softClose is null)
        {
            return;
        }

        if (softClose.WindowSeconds is < 1 or > 3600)
        {
            add("softClose.windowSeconds", "Between 1 and 3600.");
        }

        if (softClose.ExtendSeconds is < 1 or > 3600)
        {
            add("softClose.extendSeconds", "Between 1 and 3600.");
        }

        if (softClose.MaxExtensions is < 0 or > 1000)
        {
            add("softClose.maxExtensions", "Between 0 and 1000.");
        }
    }

    private static void CheckBidders(AuctionTerms t, Action<string, string> add)
    {
        if (t.Bidders.IsDefault || t.Bidders.Length < 2)
        {
            add("bidders", "At least two admissible bidders: with fewer, no auction is held (the procedure goes on to award or is declared void).");
            return;
        }

        if (t.Bidders.Length > MaxBidders)
        {
            add("bidders", $"At most {MaxBidders} bidders.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < t.Bidders.Length; i++)
        {
            var b = t.Bidders[i];
            var field = $"bidders[{i}]";
            if (b is null)
            {
                add(field, "Required.");
                continue;
            }

            if (!AuctionIds.IsValidPart(b.SupplierId))
            {
                add($"{field}.supplierId", "Required: 1–64 letters, digits, '.', '_' or '-'.");
            }
            else if (!seen.Add(b.SupplierId))
            {
                add($"{field}.supplierId", $"'{b.SupplierId}' is invited twice.");
            }

            if (b.InitialPrice is { } price)
            {
                CheckMoney(price, $"{field}.initialPrice", add);
                if (price > t.CeilingPrice)
                {
                    add($"{field}.initialPrice", "An offer above the ceiling price is not acceptable and cannot enter the auction.");
                }
            }

            if (!WeightedScore.IsValidCoefficient(b.Coefficient) || decimal.Round(b.Coefficient, 6) != b.Coefficient)
            {
                add($"{field}.coefficient", "K = 1 + features / (1 - max features): between 1 and 1.428571 (non-price weight capped at 30%), at most 6 decimals.");
            }
        }
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
