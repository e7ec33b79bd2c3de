namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// The rules of a continuous reverse auction with soft close (auction-rules.md, format A and the rules for every
/// auction). Pure: values in, decisions out — no clock, no I/O. The grain applies the events a decision returns.
/// </summary>
public static class AuctionRules
{
    /// <summary>
    /// The phase every audience sees, and that bids are judged by: closed once the close is journaled or its time has
    /// come (a bid at exactly the close is late), scheduled before the start, open in between.
    /// </summary>
    public static AuctionStatus StatusAt(bool closed, DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now) =>
        closed || now >= endsAt ? AuctionStatus.Closed
        : now < startsAt ? AuctionStatus.Scheduled
        : AuctionStatus.Open;

    /// <summary>The evaluated initial offers the auction starts from, in the order of the invitation.</summary>
    public static IReadOnlyList<AuctionEvent> Genesis(AuctionTerms terms, DateTimeOffset now)
    {
        var events = new List<AuctionEvent>();
        foreach (var bidder in terms.Bidders)
        {
            if (bidder.InitialPrice is { } price)
            {
                events.Add(new InitialOfferRecorded(events.Count + 1, now, bidder.SupplierId, price));
            }
        }

        return events;
    }

    /// <summary>Phase changes due at <paramref name="now"/>: the opening, then the close, each once.</summary>
    public static IReadOnlyList<AuctionEvent> Advance(AuctionBook book, DateTimeOffset now)
    {
        if (book.Closed || (book.Opened && now < book.EndsAt) || now < book.Terms.StartsAt)
        {
            return [];
        }

        var events = new List<AuctionEvent>(2);
        var sequence = book.Sequence;
        if (!book.Opened)
        {
            events.Add(new AuctionOpened(++sequence, now, book.Terms.StartsAt, book.EndsAt));
        }

        if (now >= book.EndsAt)
        {
            events.Add(new AuctionClosed(++sequence, now, book.EndsAt, new Dictionary<string, int>(book.RefusalCounts)));
        }

        return events;
    }

    /// <summary>
    /// Decides one bid at <paramref name="now"/>. <paramref name="sanctioned"/> is the supplier registry's answer for
    /// this bidder at this moment. A refusal changes nothing and never extends the auction.
    /// </summary>
    public static BidDecision Evaluate(AuctionBook book, PlaceBid bid, DateTimeOffset now, bool sanctioned)
    {
        var terms = book.Terms;
        if (bid.BidId == Guid.Empty)
        {
            return BidDecision.Refuse(RefusalCodes.Invalid, "bidId must be a non-empty UUID.");
        }

        if (decimal.Round(bid.Amount, 2) != bid.Amount)
        {
            return BidDecision.Refuse(RefusalCodes.Invalid, "An amount has at most 2 decimals.");
        }

        if (book.StandingOf(bid.SupplierId) is not { } mine)
        {
            return BidDecision.Refuse(RefusalCodes.NotEligible, "You are not invited to this auction.");
        }

        if (sanctioned)
        {
            return BidDecision.Refuse(RefusalCodes.Sanctioned, "Your company is sanctioned in the supplier registry and may not bid.");
        }

        switch (book.StatusAt(now))
        {
            case AuctionStatus.Scheduled:
                return BidDecision.Refuse(RefusalCodes.NotOpen, $"The auction opens at {Format(terms.StartsAt)}.");
            case AuctionStatus.Closed:
                return BidDecision.Refuse(RefusalCodes.Closed, $"The auction closed at {Format(book.ClosedAt ?? book.EndsAt)}.");
        }

        if (bid.Amount <= 0m)
        {
            return BidDecision.Refuse(RefusalCodes.NotPositive, "A bid must be greater than zero.");
        }

        if (bid.Amount > terms.CeilingPrice)
        {
            return BidDecision.Refuse(RefusalCodes.AboveCeiling, $"A bid may not exceed the ceiling price of {terms.CeilingPrice:0.00} {terms.Currency}.");
        }

        if (mine.Amount is { } own && bid.Amount >= own)
        {
            return BidDecision.Refuse(RefusalCodes.StepTooSmall, $"A bid must be lower than your current one ({own:0.00}); bids are never raised.");
        }

        var leader = book.Leader;
        var (meetsStep, maxAllowed) = CheckStep(terms, mine, leader, bid.Amount);
        if (!meetsStep)
        {
            return BidDecision.Refuse(RefusalCodes.StepTooSmall, $"The minimum step is {Describe(terms.MinStep)}: bid {FloorCents(maxAllowed):0.00} or less.");
        }

        if (terms.TieRule == TieRule.MustBeat && leader is not null && leader.SupplierId != mine.SupplierId
            && WeightedScore.Compare(bid.Amount, mine.Coefficient, leader.Amount!.Value, leader.Coefficient) == 0)
        {
            return BidDecision.Refuse(RefusalCodes.TieNotAllowed, "This auction does not accept a bid that only ties the leader: beat it.");
        }

        if (terms.MaxStepPercent is { } maxStep && !bid.Confirm && bid.Amount < maxAllowed * (1m - maxStep / 100m))
        {
            return BidDecision.Refuse(RefusalCodes.StepTooLarge, $"This bid is more than {maxStep}% below {FloorCents(maxAllowed):0.00}. If it is right, send it again with confirm = true.");
        }

        return Accept(book, mine, leader, bid, now);
    }

    private static BidDecision Accept(AuctionBook book, BidderStanding mine, BidderStanding? leader, PlaceBid bid, DateTimeOffset now)
    {
        var sequence = book.Sequence + 1;
        var accepted = new BidAccepted(sequence, now, mine.SupplierId, bid.Amount, bid.BidId, Surrogate: false);
        // An extension must move the close: in a window longer than the extension, an early bid leaves it as it is
        // and does not use up one of the allowed extensions.
        if (book.Terms.SoftClose is not { } softClose
            || book.Extensions >= softClose.MaxExtensions
            || now < book.EndsAt.AddSeconds(-softClose.WindowSeconds)
            || now.AddSeconds(softClose.ExtendSeconds) <= book.EndsAt
            || !Triggers(book, softClose.Trigger, mine, leader, bid.Amount, sequence))
        {
            return new BidDecision(null, "Bid accepted.", [accepted]);
        }

        var endsAt = now.AddSeconds(softClose.ExtendSeconds);
        var extended = new AuctionExtended(sequence + 1, now, book.EndsAt, endsAt, book.Extensions + 1, sequence);
        return new BidDecision(null, "Bid accepted; the close was extended.", [accepted, extended]);
    }

    private static bool Triggers(AuctionBook book, ExtensionTrigger trigger, BidderStanding mine, BidderStanding? leader, decimal amount, long sequence) =>
        trigger switch
        {
            // Only a bid that improves the leading score: a tie never moves the lead (earlier wins).
            ExtensionTrigger.Leader => leader is null
                || WeightedScore.Compare(amount, mine.Coefficient, leader.Amount!.Value, leader.Coefficient) < 0,
            _ => book.RankOf(mine.SupplierId) is not { } before || book.RankIfBid(mine, amount, sequence) < before,
        };

    /// <summary>Whether the amount meets the minimum step, and the highest amount that would (before rounding to cents).</summary>
    private static (bool Meets, decimal MaxAllowed) CheckStep(AuctionTerms terms, BidderStanding mine, BidderStanding? leader, decimal amount)
    {
        var step = terms.MinStep;
        if (step.RelativeTo == StepReference.Own)
        {
            if (mine.Amount is not { } own)
            {
                return (true, terms.CeilingPrice);
            }

            var maxOwn = own - (step.Kind == StepKind.Amount ? step.Value : own * step.Value / 100m);
            return (amount <= maxOwn, maxOwn);
        }

        if (leader is null)
        {
            return (true, terms.CeilingPrice);
        }

        // Leader-relative under weighted ranking: the bid's score must be at least one step below the leader's score:
        // amount / k <= leaderAmount / kL - step  <=>  amount * kL <= k * (leaderAmount - step * kL), exactly.
        var leaderAmount = leader.Amount!.Value;
        var bound = step.Kind == StepKind.Amount
            ? mine.Coefficient * (leaderAmount - step.Value * leader.Coefficient)
            : mine.Coefficient * leaderAmount * (1m - step.Value / 100m);
        var maxLeader = Math.Min(terms.CeilingPrice, bound / leader.Coefficient);
        return (amount * leader.Coefficient <= bound, maxLeader);
    }

    private static decimal FloorCents(decimal amount) => Math.Floor(amount * 100m) / 100m;

    private static string Describe(MinStep step) =>
        (step.Kind == StepKind.Amount ? $"{step.Value:0.00}" : $"{step.Value}%")
        + (step.RelativeTo == StepReference.Own ? " below your own bid" : " below the leading bid");

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
