using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using CompraNet.AuctionGrains.Auctions;
using Microsoft.Extensions.Logging;

namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// Owns one sealed-bid tender. Each offer is sealed (<see cref="ITenderSealer"/>) inside the grain's turn and
/// journaled before the receipt goes back; the plaintext is never stored nor kept, and the author appears only as a
/// per-tender pseudonym. The grain has no persisted state besides the journal, from which it rebuilds on
/// activation without unsealing anything. It unseals only in the opening act, after the deadline, all offers at once.
/// </summary>
/// <remarks>
/// Not reentrant: tenders take few requests, so each is decided, sealed and made durable in one turn, in arrival order.
/// If an append fails, nothing is acknowledged and the grain reloads from the journal before the next request; an
/// append that landed although it reported a failure shows up in that reload, and the same offerId then returns it.
/// </remarks>
public sealed class TenderGrain(ITenderJournal journal, ITenderSealer sealer, TimeProvider time, ILogger<TenderGrain> logger)
    : Grain, ITenderGrain
{
    private const string StorageDown = "The tender's storage is unavailable; nothing was recorded. Send the same request again shortly.";
    private const string NotRecorded = "The request could not be recorded durably, so it was not accepted. Send it again unchanged.";

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private TenderBook? _book;
    private string _head = JournalCodec.GenesisHash;
    private bool _loaded;

    private string TenderId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await EnsureLoadedAsync();

    public async Task<OpenForOffersResult> OpenForOffersAsync(TenderTerms terms, string officer)
    {
        if (!await EnsureLoadedAsync())
        {
            return new OpenForOffersResult(TenderRefusalCodes.Unavailable, StorageDown, NoErrors);
        }

        var now = Now();
        var decision = TenderRules.OpenForOffers(_book, TenderId, terms, officer, now);
        if (!decision.IsAllowed)
        {
            return new OpenForOffersResult(decision.RefusalCode, decision.Message, decision.Errors);
        }

        return await CommitAsync(new TenderOpenedForOffers(1, now, TenderRules.Normalize(terms), officer))
            ? new OpenForOffersResult(null, decision.Message, NoErrors)
            : new OpenForOffersResult(TenderRefusalCodes.Unavailable, NotRecorded, NoErrors);
    }

    public async Task<SubmitOfferResult> SubmitOfferAsync(SubmitOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (!await EnsureLoadedAsync())
        {
            return SubmitOfferResult.Refused(offer.OfferId, TenderRefusalCodes.Unavailable, StorageDown);
        }

        var now = Now();
        var bidder = BidderOf(offer.SupplierId);
        var decision = TenderRules.Submit(_book, offer, bidder, now);
        if (decision.RefusalCode is { } code)
        {
            return SubmitOfferResult.Refused(offer.OfferId, code, decision.Message);
        }

        var book = _book!; // the rules refuse when there is no tender
        if (decision.IsRepeat)
        {
            var prior = book.OfferById(offer.OfferId)!; // a repeat names a known offer
            return new SubmitOfferResult(null, decision.Message, offer.OfferId, book.ReceiptOf(prior), ReplacedOfferId(book, prior));
        }

        var sealedBytes = Seal(SealedOfferCodec.EncodeOffer(TenderId, offer, now));
        var replaced = book.LiveOfferOf(bidder);
        var submitted = new OfferSubmitted(
            book.Sequence + 1, now, offer.OfferId, bidder, Convert.ToBase64String(sealedBytes), SealedOfferCodec.HashOf(sealedBytes), replaced?.Sequence);
        return await CommitAsync(submitted)
            ? new SubmitOfferResult(null, decision.Message, offer.OfferId, book.ReceiptOf(submitted), replaced?.OfferId)
            : SubmitOfferResult.Refused(offer.OfferId, TenderRefusalCodes.Unavailable, NotRecorded);
    }

    public async Task<WithdrawOfferResult> WithdrawOfferAsync(WithdrawOffer withdrawal)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        if (!await EnsureLoadedAsync())
        {
            return WithdrawOfferResult.Refused(withdrawal.OfferId, TenderRefusalCodes.Unavailable, StorageDown);
        }

        var now = Now();
        var bidder = BidderOf(withdrawal.SupplierId);
        var decision = TenderRules.Withdraw(_book, withdrawal, bidder, now);
        if (decision.RefusalCode is { } code)
        {
            return WithdrawOfferResult.Refused(withdrawal.OfferId, code, decision.Message);
        }

        var book = _book!;
        var offer = book.OfferById(withdrawal.OfferId)!; // the rules allow only the caller's own offer
        if (decision.IsRepeat)
        {
            var prior = book.WithdrawalOf(offer)!;
            return new WithdrawOfferResult(null, decision.Message, offer.OfferId, prior.Sequence, prior.At);
        }

        var sealedBytes = Seal(SealedOfferCodec.EncodeWithdrawal(TenderId, withdrawal.SupplierId, offer.OfferId, now));
        var withdrawn = new OfferWithdrawn(
            book.Sequence + 1, now, bidder, offer.Sequence, Convert.ToBase64String(sealedBytes), SealedOfferCodec.HashOf(sealedBytes));
        return await CommitAsync(withdrawn)
            ? new WithdrawOfferResult(null, decision.Message, offer.OfferId, withdrawn.Sequence, withdrawn.At)
            : WithdrawOfferResult.Refused(offer.OfferId, TenderRefusalCodes.Unavailable, NotRecorded);
    }

    public async Task<TenderStatus?> GetStatusAsync(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!await EnsureLoadedAsync())
        {
            throw new TenderStorageException($"Tender {TenderId}: storage is unavailable.");
        }

        var bidder = viewer.Audience == Audience.Supplier && AuctionIds.IsValidPart(viewer.SupplierId)
            ? sealer.Pseudonym(TenderId, viewer.SupplierId)
            : null;
        return _book?.StatusFor(viewer, bidder, Now());
    }

    public async Task<OpenOffersResult> OpenOffersAsync(string officer)
    {
        if (!await EnsureLoadedAsync())
        {
            return OpenOffersResult.Refused(TenderRefusalCodes.Unavailable, StorageDown);
        }

        var now = Now();
        var decision = TenderRules.Open(_book, officer, now);
        if (decision.RefusalCode is { } code)
        {
            return OpenOffersResult.Refused(code, decision.Message);
        }

        var book = _book!;
        if (decision.IsRepeat)
        {
            return new OpenOffersResult(null, decision.Message, book.Opening);
        }

        ImmutableArray<RevealedOffer> revealed;
        try
        {
            revealed = [.. book.LiveOffers.Select(Unseal)];
        }
        catch (Exception ex) when (ex is CryptographicException or InvalidDataException or JsonException or FormatException or KeyNotFoundException)
        {
            logger.LogError(ex, "Tender {TenderId}: a sealed offer failed to open; nothing was opened.", TenderId);
            return OpenOffersResult.Refused(
                TenderRefusalCodes.Unsealable, "A sealed offer could not be opened (wrong master key or altered storage); nothing was opened or recorded.");
        }

        var opened = new OffersOpened(book.Sequence + 1, now, officer, revealed, book.WithdrawnCount, book.ReplacedCount);
        return await CommitAsync(opened)
            ? new OpenOffersResult(null, decision.Message, book.Opening)
            : OpenOffersResult.Refused(TenderRefusalCodes.Unavailable, NotRecorded);
    }

    private static Guid? ReplacedOfferId(TenderBook book, OfferSubmitted offer) =>
        offer.Replaces is { } sequence ? book.OfferAt(sequence)?.OfferId : null;

    /// <summary>The caller's pseudonym in this tender; empty for a malformed id (which the rules refuse anyway).</summary>
    private string BidderOf(string? supplierId) =>
        AuctionIds.IsValidPart(supplierId) ? sealer.Pseudonym(TenderId, supplierId) : string.Empty;

    private byte[] Seal(byte[] plaintext)
    {
        try
        {
            return sealer.Seal(TenderId, plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Unseals one offer and checks it is the one its entry announced: same hash, offer, time and author.</summary>
    private RevealedOffer Unseal(OfferSubmitted offer)
    {
        var sealedBytes = Convert.FromBase64String(offer.Sealed);
        if (SealedOfferCodec.HashOf(sealedBytes) != offer.SealedHash)
        {
            throw new InvalidDataException($"Tender {TenderId}: the sealed offer of entry {offer.Sequence} does not match its hash.");
        }

        var plaintext = sealer.Unseal(TenderId, sealedBytes);
        try
        {
            var revealed = SealedOfferCodec.DecodeOffer(TenderId, plaintext, offer);
            if (sealer.Pseudonym(TenderId, revealed.SupplierId) != offer.Bidder)
            {
                throw new InvalidDataException($"Tender {TenderId}: the sealed offer of entry {offer.Sequence} names another author than the entry.");
            }

            return revealed;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Chains the event onto the journal head and makes it durable; applies it only then. False when the write failed.</summary>
    private async Task<bool> CommitAsync(TenderEvent e)
    {
        var entry = TenderJournalCodec.Encode(TenderId, e, _head);
        try
        {
            await journal.AppendAsync(TenderId, [entry]);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Tender {TenderId}: journal append of entry {Sequence} failed; nothing acknowledged, reloading.", TenderId, e.Sequence);
            _loaded = false;
            _book = null;
            _head = JournalCodec.GenesisHash;
            return false;
        }

        if (e is TenderOpenedForOffers opened)
        {
            _book = new TenderBook(opened);
        }
        else
        {
            _book!.Apply(e);
        }

        _head = entry.Hash;
        return true;
    }

    /// <summary>Rebuilds the book from the journal when needed; false (and logged) while it cannot be read or does not verify.</summary>
    private async Task<bool> EnsureLoadedAsync()
    {
        if (_loaded)
        {
            return true;
        }

        try
        {
            var entries = await journal.ReadAsync(TenderId);
            var broken = TenderJournalCodec.FindBrokenLink(entries);
            if (broken >= 0)
            {
                throw new InvalidDataException($"Tender {TenderId}: the journal's hash chain breaks at sequence {broken + 1}.");
            }

            TenderBook? book = null;
            foreach (var entry in entries)
            {
                var e = TenderJournalCodec.Decode(entry);
                if (book is null)
                {
                    book = e is TenderOpenedForOffers opened && opened.Terms.TenderId == TenderId
                        ? new TenderBook(opened)
                        : throw new InvalidDataException($"Tender {TenderId}: the journal does not start with this tender's call for offers.");
                }
                else
                {
                    book.Apply(e);
                }
            }

            _book = book;
            _head = entries.Count > 0 ? entries[^1].Hash : JournalCodec.GenesisHash;
            _loaded = true;
            return true;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Tender {TenderId}: could not load its journal.", TenderId);
            return false;
        }
    }

    private DateTimeOffset Now() => JournalCodec.Truncate(time.GetUtcNow());
}
