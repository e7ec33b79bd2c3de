using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tests.Auctions;

/// <summary>
/// Readable auction terms for tests: a valid 30-minute continuous auction in MXN with a 1,000.00 own-relative step,
/// earlier-wins ties, no soft close and lead + rank feedback, unless a test says otherwise.
/// </summary>
public sealed class AuctionTermsBuilder
{
    /// <summary>The default start of the rules tests' auctions.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 12, 1, 17, 0, 0, TimeSpan.Zero);

    private readonly List<InvitedBidder> _bidders = [];
    private string _procedureId = "LA-2026-000123";
    private string? _lotId;
    private string _title = "Paracetamol 500 mg";
    private string _currency = "MXN";
    private AuctionFormat _format = AuctionFormat.Continuous;
    private decimal _ceiling = 1_000_000.00m;
    private MinStep _minStep = new(StepKind.Amount, 1_000.00m, StepReference.Own);
    private decimal? _maxStepPercent;
    private TieRule _tieRule = TieRule.EarlierWins;
    private DateTimeOffset _startsAt = T0;
    private DateTimeOffset _endsAt = T0.AddMinutes(30);
    private SoftClose? _softClose;
    private FeedbackMode _feedback = FeedbackMode.LeadRank;

    public AuctionTermsBuilder ForProcedure(string procedureId, string? lotId = null)
    {
        _procedureId = procedureId;
        _lotId = lotId;
        return this;
    }

    public AuctionTermsBuilder Titled(string title)
    {
        _title = title;
        return this;
    }

    public AuctionTermsBuilder InCurrency(string currency)
    {
        _currency = currency;
        return this;
    }

    public AuctionTermsBuilder WithFormat(AuctionFormat format)
    {
        _format = format;
        return this;
    }

    public AuctionTermsBuilder WithCeiling(decimal ceiling)
    {
        _ceiling = ceiling;
        return this;
    }

    public AuctionTermsBuilder WithMinStep(StepKind kind, decimal value, StepReference relativeTo)
    {
        _minStep = new MinStep(kind, value, relativeTo);
        return this;
    }

    public AuctionTermsBuilder WithMaxStepPercent(decimal? percent)
    {
        _maxStepPercent = percent;
        return this;
    }

    public AuctionTermsBuilder WithTieRule(TieRule tieRule)
    {
        _tieRule = tieRule;
        return this;
    }

    public AuctionTermsBuilder Running(DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        _startsAt = startsAt;
        _endsAt = endsAt;
        return this;
    }

    public AuctionTermsBuilder WithSoftClose(int windowSeconds, int extendSeconds, int maxExtensions, ExtensionTrigger trigger = ExtensionTrigger.Leader)
    {
        _softClose = new SoftClose(windowSeconds, extendSeconds, maxExtensions, trigger);
        return this;
    }

    public AuctionTermsBuilder WithFeedback(FeedbackMode feedback)
    {
        _feedback = feedback;
        return this;
    }

    public AuctionTermsBuilder WithBidder(string supplierId, decimal? initialPrice = null, decimal coefficient = 1m)
    {
        _bidders.Add(new InvitedBidder(supplierId, initialPrice, coefficient));
        return this;
    }

    public AuctionTermsBuilder WithBidders(IEnumerable<InvitedBidder> bidders)
    {
        _bidders.AddRange(bidders);
        return this;
    }

    public AuctionTerms Build() => new(
        AuctionIds.For(_procedureId, _lotId),
        _procedureId,
        _lotId,
        _title,
        _currency,
        _format,
        _ceiling,
        _minStep,
        _maxStepPercent,
        _tieRule,
        _startsAt,
        _endsAt,
        _softClose,
        _feedback,
        [.. _bidders]);
}
