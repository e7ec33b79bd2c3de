using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionHost.Auctions;

/// <summary>The body of <c>POST /api/auctions</c> (PROTOCOL.md). Everything is nullable so a missing field is reported by name.</summary>
public sealed record CreateAuctionRequest(
    string? ProcedureId,
    string? LotId,
    string? Title,
    string? Currency,
    AuctionFormat? Format,
    decimal? CeilingPrice,
    MinStepRequest? MinStep,
    decimal? MaxStepPercent,
    TieRule? TieRule,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    SoftCloseRequest? SoftClose,
    FeedbackMode? Feedback,
    List<BidderRequest?>? Bidders)
{
    /// <summary>The terms, or the missing fields by JSON path. Value checks are <see cref="AuctionTermsValidator"/>'s.</summary>
    public (AuctionTerms? Terms, Dictionary<string, string[]> Missing) ToTerms()
    {
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Require(object? value, string field)
        {
            if (value is null)
            {
                missing[field] = ["Required."];
            }
        }

        Require(ProcedureId, "procedureId");
        Require(Title, "title");
        Require(Currency, "currency");
        Require(CeilingPrice, "ceilingPrice");
        Require(MinStep, "minStep");
        if (MinStep is not null)
        {
            Require(MinStep.Kind, "minStep.kind");
            Require(MinStep.Value, "minStep.value");
            Require(MinStep.RelativeTo, "minStep.relativeTo");
        }

        Require(StartsAt, "startsAt");
        Require(EndsAt, "endsAt");
        Require(Bidders, "bidders");
        if (SoftClose is not null)
        {
            Require(SoftClose.WindowSeconds, "softClose.windowSeconds");
            Require(SoftClose.ExtendSeconds, "softClose.extendSeconds");
            Require(SoftClose.MaxExtensions, "softClose.maxExtensions");
        }

        for (var i = 0; i < (Bidders?.Count ?? 0); i++)
        {
            if (Bidders![i] is { } bidder)
            {
                Require(bidder.SupplierId, $"bidders[{i}].supplierId");
            }
            else
            {
                missing[$"bidders[{i}]"] = ["Required."];
            }
        }

        if (missing.Count > 0)
        {
            return (null, missing);
        }

        // Every value dereferenced below was checked for null above.
        var terms = new AuctionTerms(
            AuctionIds.For(ProcedureId!, LotId),
            ProcedureId!,
            LotId,
            Title!.Trim(),
            Currency!,
            Format ?? AuctionFormat.Continuous,
            CeilingPrice!.Value,
            new MinStep(MinStep!.Kind!.Value, MinStep.Value!.Value, MinStep.RelativeTo!.Value),
            MaxStepPercent,
            TieRule ?? AuctionGrains.Auctions.TieRule.EarlierWins,
            StartsAt!.Value,
            EndsAt!.Value,
            SoftClose is { } sc ? new SoftClose(sc.WindowSeconds!.Value, sc.ExtendSeconds!.Value, sc.MaxExtensions!.Value, sc.Trigger ?? ExtensionTrigger.Leader) : null,
            Feedback ?? FeedbackMode.LeadRank,
            [.. Bidders!.Select(b => new InvitedBidder(b!.SupplierId!, b.InitialPrice, b.Coefficient ?? 1m))]);
        return (terms, missing);
    }
}
