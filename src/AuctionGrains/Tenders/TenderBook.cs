using System.Collections.Immutable;
using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// The in-memory state of one tender: its terms, every sealed offer (ciphertext and pseudonym, never plaintext),
/// which one is live per supplier, the withdrawals and, once it happened, the opening. <see cref="Apply"/> is the only
/// mutator, used live and when a replay of the journal rebuilds it, so the two cannot disagree.
/// </summary>
public sealed class TenderBook
{
    private readonly List<OfferSubmitted> _offers = [];
    private readonly Dictionary<long, OfferSubmitted> _bySequence = [];
    private readonly Dictionary<Guid, OfferSubmitted> _byOfferId = [];
    private readonly Dictionary<string, OfferSubmitted> _liveByBidder = new(StringComparer.Ordinal);
    private readonly Dictionary<long, OfferWithdrawn> _withdrawals = [];
    private readonly HashSet<long> _replaced = [];

    public TenderBook(TenderOpenedForOffers opened)
    {
        ArgumentNullException.ThrowIfNull(opened);
        if (opened.Sequence != 1)
        {
            throw new InvalidDataException($"A tender's call for offers is its first entry, not entry {opened.Sequence}.");
        }

        Terms = opened.Terms;
        CreatedBy = opened.CreatedBy;
        CreatedAt = opened.At;
        Sequence = opened.Sequence;
    }

    public string TenderId => Terms.TenderId;

    public TenderTerms Terms { get; }

    public string CreatedBy { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>Sequence of the last applied event.</summary>
    public long Sequence { get; private set; }

    /// <summary>The opening, once it happened.</summary>
    public TenderOpening? Opening { get; private set; }

    public int LiveCount => _liveByBidder.Count;

    public int WithdrawnCount => _withdrawals.Count;

    public int ReplacedCount => _replaced.Count;

    /// <summary>The live offers in the order received (journal sequence).</summary>
    public IReadOnlyList<OfferSubmitted> LiveOffers => [.. _offers.Where(o => StateOf(o) == OfferState.Live)];

    public bool IsInvited(string supplierId) =>
        !Terms.IsByInvitation || Terms.InvitedSuppliers.Contains(supplierId, StringComparer.Ordinal);

    public OfferSubmitted? OfferById(Guid offerId) => _byOfferId.GetValueOrDefault(offerId);

    public OfferSubmitted? OfferAt(long sequence) => _bySequence.GetValueOrDefault(sequence);

    public OfferSubmitted? LiveOfferOf(string bidder) => _liveByBidder.GetValueOrDefault(bidder);

    public OfferWithdrawn? WithdrawalOf(OfferSubmitted offer) => _withdrawals.GetValueOrDefault(offer.Sequence);

    public OfferState StateOf(OfferSubmitted offer) =>
        _withdrawals.ContainsKey(offer.Sequence) ? OfferState.Withdrawn
        : _replaced.Contains(offer.Sequence) ? OfferState.Replaced
        : OfferState.Live;

    public OfferReceipt ReceiptOf(OfferSubmitted offer) => new(TenderId, offer.OfferId, offer.Sequence, offer.At, offer.SealedHash);

    public void Apply(TenderEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Sequence != Sequence + 1)
        {
            throw new InvalidDataException($"Tender {TenderId}: entry {e.Sequence} does not follow {Sequence}.");
        }

        switch (e)
        {
            case OfferSubmitted offer:
                ApplyOffer(offer);
                break;
            case OfferWithdrawn withdrawn:
                ApplyWithdrawal(withdrawn);
                break;
            case OffersOpened opened:
                if (Opening is not null)
                {
                    throw new InvalidDataException($"Tender {TenderId}: opened twice (entry {e.Sequence}).");
                }

                Opening = new TenderOpening(
                    TenderId, Terms.ProcedureId, Terms.LotId, Terms.Title, Terms.Currency, Terms.SubmissionDeadline,
                    opened.At, opened.OpenedBy, opened.Sequence, opened.Offers, opened.WithdrawnOffers, opened.ReplacedOffers);
                break;
            default:
                throw new InvalidDataException($"Tender {TenderId}: entry {e.Sequence} of type '{e.Type}' cannot follow the call for offers.");
        }

        Sequence = e.Sequence;
    }

    /// <summary>
    /// What <paramref name="viewer"/> may see at <paramref name="now"/>. <paramref name="bidder"/> is the viewing
    /// supplier's pseudonym (null for officers and the public): it finds that supplier's own receipts.
    /// </summary>
    public TenderStatus StatusFor(Viewer viewer, string? bidder, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var own = viewer.Audience == Audience.Supplier && bidder is not null
            ? _offers.Where(o => o.Bidder == bidder).Select(o => new OwnOffer(ReceiptOf(o), StateOf(o))).ToImmutableArray()
            : [];
        var invited = viewer.Audience == Audience.Officer && Terms.IsByInvitation ? Terms.InvitedSuppliers : [];
        return new TenderStatus(
            TenderId, Terms.ProcedureId, Terms.LotId, Terms.Title, Terms.Currency, Terms.SubmissionDeadline,
            TenderRules.PhaseAt(this, now), Terms.IsByInvitation, invited, LiveCount, own, Opening, now);
    }

    private void ApplyOffer(OfferSubmitted offer)
    {
        if (Opening is not null || _byOfferId.ContainsKey(offer.OfferId))
        {
            throw new InvalidDataException($"Tender {TenderId}: offer entry {offer.Sequence} after the opening or with a repeated offer id.");
        }

        var live = _liveByBidder.GetValueOrDefault(offer.Bidder);
        if (live?.Sequence != offer.Replaces)
        {
            throw new InvalidDataException($"Tender {TenderId}: offer entry {offer.Sequence} replaces {offer.Replaces?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}, but its author's live offer is {live?.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.");
        }

        if (live is not null)
        {
            _replaced.Add(live.Sequence);
        }

        _offers.Add(offer);
        _bySequence[offer.Sequence] = offer;
        _byOfferId[offer.OfferId] = offer;
        _liveByBidder[offer.Bidder] = offer;
    }

    private void ApplyWithdrawal(OfferWithdrawn withdrawn)
    {
        if (Opening is not null
            || !_bySequence.TryGetValue(withdrawn.OfferSequence, out var offer)
            || offer.Bidder != withdrawn.Bidder
            || StateOf(offer) != OfferState.Live)
        {
            throw new InvalidDataException($"Tender {TenderId}: withdrawal entry {withdrawn.Sequence} does not name a live offer of its author.");
        }

        _withdrawals[offer.Sequence] = withdrawn;
        _liveByBidder.Remove(offer.Bidder);
    }
}
