using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// The canonical JSON pieces shared by the journal payloads and the sealed plaintext: fixed field order, invariant
/// formatting, money with two decimals, unit prices with two to four, quantities with up to six.
/// </summary>
internal static class TenderJson
{
    public static void WriteOffer(Utf8JsonWriter json, RevealedOffer offer)
    {
        json.WriteString("offerId", offer.OfferId.ToString("D"));
        json.WriteString("supplierId", offer.SupplierId);
        json.WriteString("receivedAt", JournalCodec.FormatTime(offer.ReceivedAt));
        WriteNumber(json, "total", offer.Total, "0.00");
        json.WriteStartArray("items");
        foreach (var item in offer.Items.IsDefault ? [] : offer.Items)
        {
            json.WriteStartObject();
            json.WriteString("itemId", item.ItemId);
            WriteNumber(json, "unitPrice", item.UnitPrice, "0.00##");
            WriteNumber(json, "quantity", item.Quantity, "0.######");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (offer.TechnicalProposal is null)
        {
            json.WriteNull("technicalProposal");
        }
        else
        {
            json.WriteString("technicalProposal", offer.TechnicalProposal);
        }

        json.WriteStartArray("documents");
        foreach (var document in offer.Documents.IsDefault ? [] : offer.Documents)
        {
            json.WriteStartObject();
            json.WriteString("name", document.Name);
            json.WriteString("sha256", document.Sha256.ToLowerInvariant());
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Reads what <see cref="WriteOffer"/> wrote; the caller supplies the sequence and the sealed hash.</summary>
    public static RevealedOffer ReadOffer(JsonElement root, long sequence, string sealedHash) => new(
        sequence,
        root.GetProperty("offerId").GetGuid(),
        RequiredString(root, "supplierId"),
        ParseTime(RequiredString(root, "receivedAt")),
        root.GetProperty("total").GetDecimal(),
        [.. root.GetProperty("items").EnumerateArray().Select(i => new OfferItemPrice(
            RequiredString(i, "itemId"), i.GetProperty("unitPrice").GetDecimal(), i.GetProperty("quantity").GetDecimal()))],
        root.GetProperty("technicalProposal").GetString(),
        [.. root.GetProperty("documents").EnumerateArray().Select(d => new OfferDocument(RequiredString(d, "name"), RequiredString(d, "sha256")))],
        sealedHash);

    public static void WriteNumber(Utf8JsonWriter json, string name, decimal value, string format)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(value.ToString(format, CultureInfo.InvariantCulture), skipInputValidation: true);
    }

    public static string RequiredString(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new InvalidDataException($"'{name}' is null.");

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static ImmutableArray<string> ReadStrings(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => e.GetString() ?? throw new InvalidDataException("A null in a list of ids."))];
}
