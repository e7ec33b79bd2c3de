using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// The plaintext that gets sealed: an offer (its author, amounts, item prices, technical text, documents and the
/// time received) or a withdrawal (who withdrew which offer), as canonical JSON bytes. Opening an offer checks that
/// the plaintext belongs to the journal entry it was found in.
/// </summary>
public static class SealedOfferCodec
{
    public static byte[] EncodeOffer(string tenderId, SubmitOffer offer, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var content = new RevealedOffer(0, offer.OfferId, offer.SupplierId, receivedAt, offer.Total, offer.Items, offer.TechnicalProposal, offer.Documents, string.Empty);
        return Write(json =>
        {
            json.WriteString("tenderId", tenderId);
            TenderJson.WriteOffer(json, content);
        });
    }

    public static byte[] EncodeWithdrawal(string tenderId, string supplierId, Guid offerId, DateTimeOffset withdrawnAt) =>
        Write(json =>
        {
            json.WriteString("tenderId", tenderId);
            json.WriteString("withdrawal", offerId.ToString("D"));
            json.WriteString("supplierId", supplierId);
            json.WriteString("withdrawnAt", JournalCodec.FormatTime(withdrawnAt));
        });

    /// <summary>
    /// The offer sealed in <paramref name="sealedAs"/>, from its unsealed <paramref name="plaintext"/>. Throws
    /// <see cref="InvalidDataException"/> when the plaintext names another tender, offer or time than the entry.
    /// </summary>
    public static RevealedOffer DecodeOffer(string tenderId, ReadOnlySpan<byte> plaintext, OfferSubmitted sealedAs)
    {
        ArgumentNullException.ThrowIfNull(sealedAs);
        var reader = new Utf8JsonReader(plaintext);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var offer = TenderJson.ReadOffer(root, sealedAs.Sequence, sealedAs.SealedHash);
        if (TenderJson.RequiredString(root, "tenderId") != tenderId || offer.OfferId != sealedAs.OfferId || offer.ReceivedAt != sealedAs.At)
        {
            throw new InvalidDataException($"Tender {tenderId}: the sealed offer of entry {sealedAs.Sequence} does not belong to that entry.");
        }

        return offer;
    }

    /// <summary>The lowercase hex SHA-256 of sealed bytes: the receipt's and the journal's <c>sealedHash</c>.</summary>
    public static string HashOf(ReadOnlySpan<byte> sealedBytes) => Convert.ToHexStringLower(SHA256.HashData(sealedBytes));

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        var bytes = buffer.WrittenSpan.ToArray();
        buffer.Clear(); // zeroes the working copy of the plaintext
        return bytes;
    }
}
