using System.Text.RegularExpressions;

namespace CompraNet.Baseline.Auctions;

/// <summary>
/// The engine's create body (PROTOCOL.md). Read and kept: ids, title, currency, ceiling, minimum step, times, bidders.
/// Read and ignored: format, maxStepPercent, tieRule, softClose, feedback, coefficients.
/// </summary>
public sealed partial record CreateAuctionRequest(
    string? ProcedureId,
    string? LotId,
    string? Title,
    string? Currency,
    decimal? CeilingPrice,
    MinStepRequest? MinStep,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    List<BidderRequest?>? Bidders)
{
    /// <summary>The terms, or the invalid fields by JSON path.</summary>
    public (AuctionTerms? Terms, Dictionary<string, string[]> Errors) ToTerms()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors.TryAdd(field, [message]);
            }
        }

        Check(ProcedureId is not null && IdPart().IsMatch(ProcedureId), "procedureId", "Required: letters, digits, '.', '_' or '-', at most 64.");
        Check(LotId is null || IdPart().IsMatch(LotId), "lotId", "Letters, digits, '.', '_' or '-', at most 64.");
        Check(!string.IsNullOrWhiteSpace(Title), "title", "Required.");
        Check(!string.IsNullOrWhiteSpace(Currency), "currency", "Required.");
        Check(CeilingPrice > 0m, "ceilingPrice", "Required, greater than zero.");
        Check(MinStep?.Kind is not null, "minStep.kind", "Required: amount or percent.");
        Check(MinStep?.Value > 0m, "minStep.value", "Required, greater than zero.");
        Check(MinStep?.Kind != StepKind.Percent || MinStep.Value < 100m, "minStep.value", "A percent step is below 100.");
        Check(MinStep?.RelativeTo is not null, "minStep.relativeTo", "Required: own or leader.");
        Check(StartsAt is not null, "startsAt", "Required.");
        Check(EndsAt > StartsAt, "endsAt", "Required, after startsAt.");
        Check(Bidders is { Count: > 0 }, "bidders", "At least one bidder.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (Bidders?.Count ?? 0); i++)
        {
            var bidder = Bidders![i];
            Check(!string.IsNullOrEmpty(bidder?.SupplierId) && seen.Add(bidder.SupplierId), $"bidders[{i}].supplierId", "Required, once per auction.");
            Check(bidder?.InitialPrice is null || (bidder.InitialPrice > 0m && bidder.InitialPrice <= CeilingPrice), $"bidders[{i}].initialPrice", "Greater than zero, at most the ceiling.");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        // Every value dereferenced below was checked above.
        var terms = new AuctionTerms(
            LotId is null ? ProcedureId! : $"{ProcedureId}~{LotId}",
            ProcedureId!,
            LotId,
            Title!.Trim(),
            Currency!,
            CeilingPrice!.Value,
            new MinStep(MinStep!.Kind!.Value, MinStep.Value!.Value, MinStep.RelativeTo!.Value),
            StartsAt!.Value,
            EndsAt!.Value,
            [.. Bidders!.Select(b => new InvitedBidder(b!.SupplierId!, b.InitialPrice))]);
        return (terms, errors);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPart();
}
