using System.Buffers;
using System.Text;
using System.Text.Json;
using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// Encodes tender events as hash-chained journal entries and back, with the auction journal's chain
/// (<see cref="JournalCodec.Hash"/>: <c>hash = sha256(previousHash + payload)</c>, the same genesis and time format).
/// Payloads are canonical JSON in a fixed field order. Until the <c>opened</c> entry, an offer's payload holds only
/// its ciphertext, its hash, its offer id and its author's pseudonym.
/// </summary>
public static class TenderJournalCodec
{
    public static TenderJournalEntry Encode(string tenderId, TenderEvent e, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(e);
        var payload = Payload(tenderId, e);
        return new TenderJournalEntry(tenderId, e.Sequence, e.Type, e.At, payload, previousHash, JournalCodec.Hash(previousHash, payload));
    }

    /// <summary>Index of the first entry whose sequence, link or hash is wrong; -1 when the whole chain verifies.</summary>
    public static int FindBrokenLink(IReadOnlyList<TenderJournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var previous = JournalCodec.GenesisHash;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Sequence != i + 1 || entry.PreviousHash != previous || entry.Hash != JournalCodec.Hash(previous, entry.Payload))
            {
                return i;
            }

            previous = entry.Hash;
        }

        return -1;
    }

    public static TenderEvent Decode(TenderJournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var doc = JsonDocument.Parse(entry.Payload);
        var root = doc.RootElement;
        var sequence = root.GetProperty("sequence").GetInt64();
        var at = TenderJson.ParseTime(TenderJson.RequiredString(root, "at"));
        return TenderJson.RequiredString(root, "type") switch
        {
            TenderOpenedForOffers.TypeName => new TenderOpenedForOffers(
                sequence, at,
                new TenderTerms(
                    TenderJson.RequiredString(root, "procedureId"), root.GetProperty("lotId").GetString(),
                    TenderJson.RequiredString(root, "title"), TenderJson.RequiredString(root, "currency"),
                    TenderJson.ParseTime(TenderJson.RequiredString(root, "submissionDeadline")),
                    TenderJson.ReadStrings(root.GetProperty("invitedSuppliers"))),
                TenderJson.RequiredString(root, "createdBy")),
            OfferSubmitted.TypeName => new OfferSubmitted(
                sequence, at, root.GetProperty("offerId").GetGuid(), TenderJson.RequiredString(root, "bidder"),
                TenderJson.RequiredString(root, "sealed"), TenderJson.RequiredString(root, "sealedHash"),
                root.GetProperty("replaces").ValueKind == JsonValueKind.Null ? null : root.GetProperty("replaces").GetInt64()),
            OfferWithdrawn.TypeName => new OfferWithdrawn(
                sequence, at, TenderJson.RequiredString(root, "bidder"), root.GetProperty("offerSequence").GetInt64(),
                TenderJson.RequiredString(root, "sealed"), TenderJson.RequiredString(root, "sealedHash")),
            OffersOpened.TypeName => new OffersOpened(
                sequence, at, TenderJson.RequiredString(root, "openedBy"),
                [.. root.GetProperty("offers").EnumerateArray().Select(o =>
                    TenderJson.ReadOffer(o, o.GetProperty("sequence").GetInt64(), TenderJson.RequiredString(o, "sealedHash")))],
                root.GetProperty("withdrawnOffers").GetInt32(), root.GetProperty("replacedOffers").GetInt32()),
            var other => throw new InvalidDataException($"Tender journal entry {entry.TenderId}#{entry.Sequence} has unknown type '{other}'."),
        };
    }

    private static string Payload(string tenderId, TenderEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("sequence", e.Sequence);
            json.WriteString("type", e.Type);
            json.WriteString("at", JournalCodec.FormatTime(e.At));
            json.WriteString("tenderId", tenderId);
            switch (e)
            {
                case TenderOpenedForOffers opened:
                    WriteTerms(json, opened.Terms);
                    json.WriteString("createdBy", opened.CreatedBy);
                    break;
                case OfferSubmitted offer:
                    json.WriteString("offerId", offer.OfferId.ToString("D"));
                    json.WriteString("bidder", offer.Bidder);
                    if (offer.Replaces is { } replaces)
                    {
                        json.WriteNumber("replaces", replaces);
                    }
                    else
                    {
                        json.WriteNull("replaces");
                    }

                    json.WriteString("sealedHash", offer.SealedHash);
                    json.WriteString("sealed", offer.Sealed);
                    break;
                case OfferWithdrawn withdrawn:
                    json.WriteString("bidder", withdrawn.Bidder);
                    json.WriteNumber("offerSequence", withdrawn.OfferSequence);
                    json.WriteString("sealedHash", withdrawn.SealedHash);
                    json.WriteString("sealed", withdrawn.Sealed);
                    break;
                case OffersOpened opening:
                    json.WriteString("openedBy", opening.OpenedBy);
                    json.WriteStartArray("offers");
                    foreach (var offer in opening.Offers)
                    {
                        json.WriteStartObject();
                        json.WriteNumber("sequence", offer.Sequence);
                        TenderJson.WriteOffer(json, offer);
                        json.WriteString("sealedHash", offer.SealedHash);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteNumber("withdrawnOffers", opening.WithdrawnOffers);
                    json.WriteNumber("replacedOffers", opening.ReplacedOffers);
                    break;
                default:
                    throw new ArgumentException($"Unknown tender event type '{e.Type}'.", nameof(e));
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteTerms(Utf8JsonWriter json, TenderTerms terms)
    {
        json.WriteString("procedureId", terms.ProcedureId);
        if (terms.LotId is null)
        {
            json.WriteNull("lotId");
        }
        else
        {
            json.WriteString("lotId", terms.LotId);
        }

        json.WriteString("title", terms.Title);
        json.WriteString("currency", terms.Currency);
        json.WriteString("submissionDeadline", JournalCodec.FormatTime(terms.SubmissionDeadline));
        json.WriteStartArray("invitedSuppliers");
        foreach (var supplier in terms.InvitedSuppliers.IsDefault ? [] : terms.InvitedSuppliers)
        {
            json.WriteStringValue(supplier);
        }

        json.WriteEndArray();
    }
}
