using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// The rules of a sealed-bid tender: offers until the deadline (a supplier's later offer replaces its earlier one; it
/// may withdraw its live offer), no opening before the deadline, one opening. Pure: values in, decisions out — no
/// clock, no I/O, no keys. <c>bidder</c> is the caller's per-tender pseudonym, which the grain computes.
/// </summary>
public static class TenderRules
{
    /// <summary>Offers are taken while <c>now</c> is before the deadline: an offer at exactly the deadline is late.</summary>
    public static TenderPhase PhaseAt(TenderBook book, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        return book.Opening is not null ? TenderPhase.Opened
            : now >= book.Terms.SubmissionDeadline ? TenderPhase.AwaitingOpening
            : TenderPhase.AcceptingOffers;
    }

    /// <summary>
    /// The terms as journaled: the deadline in UTC to the microsecond (what the journal keeps) and the invitation list
    /// sorted, so the same call for offers compares equal however it was sent.
    /// </summary>
    public static TenderTerms Normalize(TenderTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var invited = terms.InvitedSuppliers.IsDefault ? [] : terms.InvitedSuppliers.Sort(StringComparer.Ordinal);
        return terms with { SubmissionDeadline = JournalCodec.Truncate(terms.SubmissionDeadline), InvitedSuppliers = invited };
    }

    public static bool SameTerms(TenderTerms a, TenderTerms b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (x, y) = (Normalize(a), Normalize(b));
        return x.ProcedureId == y.ProcedureId && x.LotId == y.LotId && x.Title == y.Title && x.Currency == y.Currency
            && x.SubmissionDeadline == y.SubmissionDeadline && x.InvitedSuppliers.SequenceEqual(y.InvitedSuppliers, StringComparer.Ordinal);
    }

    public static TenderDecision OpenForOffers(TenderBook? book, string tenderId, TenderTerms? terms, string? officer, DateTimeOffset now)
    {
        if (book is not null)
        {
            return terms is not null && SameTerms(book.Terms, terms)
                ? TenderDecision.Repeat("The tender is already open for offers with these terms.")
                : TenderDecision.Refuse(TenderRefusalCodes.Conflict, "The tender is already open for offers with other terms; its terms cannot change.");
        }

        var errors = TenderValidator.ValidateTerms(terms, tenderId, officer, now);
        return errors.Count > 0 ? TenderDecision.Invalid(errors) : TenderDecision.Allow("The tender is open for offers.");
    }

    public static TenderDecision Submit(TenderBook? book, SubmitOffer offer, string bidder, DateTimeOffset now)
    {
        if (book is null)
        {
            return TenderDecision.Refuse(TenderRefusalCodes.UnknownTender, "No tender is open for offers under this id.");
        }

        var errors = TenderValidator.ValidateOffer(offer);
        if (errors.Count > 0)
        {
            return TenderDecision.Invalid(errors);
        }

        if (book.OfferById(offer.OfferId) is { } prior)
        {
            return prior.Bidder == bidder
                ? TenderDecision.Repeat("This offer was already received: this is its receipt.")
                : TenderDecision.Refuse(TenderRefusalCodes.Invalid, "offerId: already used by another offer; use a fresh UUID per offer.");
        }

        if (PhaseAt(book, now) != TenderPhase.AcceptingOffers)
        {
            return TenderDecision.Refuse(TenderRefusalCodes.DeadlinePassed, "The submission deadline has passed; nothing was recorded.");
        }

        if (!book.IsInvited(offer.SupplierId))
        {
            return TenderDecision.Refuse(TenderRefusalCodes.NotInvited, "This tender is by invitation and you are not invited.");
        }

        return TenderDecision.Allow(book.LiveOfferOf(bidder) is null
            ? "Offer received and sealed."
            : "Offer received and sealed; it replaces your previous offer, which no longer counts.");
    }

    public static TenderDecision Withdraw(TenderBook? book, WithdrawOffer withdrawal, string bidder, DateTimeOffset now)
    {
        if (book is null)
        {
            return TenderDecision.Refuse(TenderRefusalCodes.UnknownTender, "No tender is open for offers under this id.");
        }

        if (withdrawal is null || !AuctionIds.IsValidPart(withdrawal.SupplierId) || withdrawal.OfferId == Guid.Empty)
        {
            return TenderDecision.Refuse(TenderRefusalCodes.Invalid, "supplierId and offerId are required.");
        }

        if (book.OfferById(withdrawal.OfferId) is not { } offer || offer.Bidder != bidder)
        {
            return TenderDecision.Refuse(TenderRefusalCodes.NoOffer, "You have no offer with this offerId in this tender.");
        }

        if (book.StateOf(offer) == OfferState.Withdrawn)
        {
            return TenderDecision.Repeat("This offer was already withdrawn.");
        }

        if (PhaseAt(book, now) != TenderPhase.AcceptingOffers)
        {
            return TenderDecision.Refuse(TenderRefusalCodes.DeadlinePassed, "The submission deadline has passed: offers can no longer be withdrawn.");
        }

        return book.StateOf(offer) == OfferState.Replaced
            ? TenderDecision.Refuse(TenderRefusalCodes.NoOffer, "This offer was replaced by a later one, which is the one that counts; withdraw that one.")
            : TenderDecision.Allow("Offer withdrawn: it no longer counts.");
    }

    public static TenderDecision Open(TenderBook? book, string? officer, DateTimeOffset now)
    {
        if (book is null)
        {
            return TenderDecision.Refuse(TenderRefusalCodes.UnknownTender, "No tender has this id.");
        }

        if (string.IsNullOrWhiteSpace(officer) || officer.Length > TenderValidator.MaxOfficerLength)
        {
            return TenderDecision.Refuse(TenderRefusalCodes.Invalid, "The officer's id is required.");
        }

        if (book.Opening is not null)
        {
            return TenderDecision.Repeat("The offers were already opened: these are the minutes of that opening.");
        }

        return now < book.Terms.SubmissionDeadline
            ? TenderDecision.Refuse(TenderRefusalCodes.TooEarly, "The offers stay sealed until the submission deadline.")
            : TenderDecision.Allow("Offers opened.");
    }
}
