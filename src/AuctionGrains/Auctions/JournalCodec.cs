using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// Encodes events as hash-chained journal entries and back. The payload is canonical JSON written in a fixed field
/// order with invariant formatting (times as ISO-8601 UTC with microseconds and a Z, money with two decimals), so
/// anyone can recompute <c>hash = sha256(previousHash + payload)</c> from the transcript alone.
/// </summary>
public static class JournalCodec
{
    /// <summary>The previous hash of an auction's first entry.</summary>
    public static readonly string GenesisHash = new('0', 64);

    public static JournalEntry Encode(string auctionId, AuctionEvent e, string previousHash)
    {
        var payload = Payload(auctionId, e);
        return new JournalEntry(auctionId, e.Sequence, e.Type, e.At, payload, previousHash, Hash(previousHash, payload));
    }

    public static string Hash(string previousHash, string payload)
    {
        var bytes = Encoding.UTF8.GetBytes(previousHash + payload);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Index of the first entry whose sequence, link or hash is wrong; -1 when the whole chain verifies.</summary>
    public static int FindBrokenLink(IReadOnlyList<JournalEntry> entries)
    {
        var previous = GenesisHash;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Sequence != i + 1 || entry.PreviousHash != previous || entry.Hash != Hash(previous, entry.Payload))
            {
                return i;
            }

            previous = entry.Hash;
        }

        return -1;
    }

    public static AuctionEvent Decode(JournalEntry entry)
    {
        using var doc = JsonDocument.Parse(entry.Payload);
        var root = doc.RootElement;
        var sequence = root.GetProperty("sequence").GetInt64();
        var at = ParseTime(root.GetProperty("at").GetString());
        return root.GetProperty("type").GetString() switch
        {
            InitialOfferRecorded.TypeName => new InitialOfferRecorded(sequence, at, root.GetProperty("supplierId").GetString()!, root.GetProperty("amount").GetDecimal()),
            AuctionOpened.TypeName => new AuctionOpened(sequence, at, ParseTime(root.GetProperty("scheduledAt").GetString()), ParseTime(root.GetProperty("endsAt").GetString())),
            BidAccepted.TypeName => new BidAccepted(
                sequence, at, root.GetProperty("supplierId").GetString()!, root.GetProperty("amount").GetDecimal(),
                root.GetProperty("bidId").GetGuid(), root.GetProperty("surrogate").GetBoolean()),
            AuctionExtended.TypeName => new AuctionExtended(
                sequence, at, ParseTime(root.GetProperty("previousEndsAt").GetString()), ParseTime(root.GetProperty("endsAt").GetString()),
                root.GetProperty("extension").GetInt32(), root.GetProperty("triggeredBy").GetInt64()),
            AuctionClosed.TypeName => new AuctionClosed(
                sequence, at, ParseTime(root.GetProperty("scheduledAt").GetString()),
                root.GetProperty("refusals").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32())),
            var other => throw new InvalidDataException($"Journal entry {entry.AuctionId}#{entry.Sequence} has unknown type '{other}'."),
        };
    }

    /// <summary>The canonical time format of payloads and transcripts.</summary>
    public static string FormatTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Server times are kept to the microsecond so what is hashed, stored and compared is the same value.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);

    private static string Payload(string auctionId, AuctionEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("sequence", e.Sequence);
            json.WriteString("type", e.Type);
            json.WriteString("at", FormatTime(e.At));
            json.WriteString("auctionId", auctionId);
            switch (e)
            {
                case InitialOfferRecorded offer:
                    json.WriteString("supplierId", offer.SupplierId);
                    WriteMoney(json, "amount", offer.Amount);
                    break;
                case AuctionOpened opened:
                    json.WriteString("scheduledAt", FormatTime(opened.ScheduledAt));
                    json.WriteString("endsAt", FormatTime(opened.EndsAt));
                    break;
                case BidAccepted bid:
                    json.WriteString("supplierId", bid.SupplierId);
                    WriteMoney(json, "amount", bid.Amount);
                    json.WriteString("bidId", bid.BidId.ToString("D"));
                    json.WriteBoolean("surrogate", bid.Surrogate);
                    break;
                case AuctionExtended extended:
                    json.WriteString("previousEndsAt", FormatTime(extended.PreviousEndsAt));
                    json.WriteString("endsAt", FormatTime(extended.EndsAt));
                    json.WriteNumber("extension", extended.Extension);
                    json.WriteNumber("triggeredBy", extended.TriggeredBy);
                    break;
                case AuctionClosed closed:
                    json.WriteString("scheduledAt", FormatTime(closed.ScheduledAt));
                    json.WriteStartObject("refusals");
                    foreach (var (code, count) in closed.RefusalCounts.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        json.WriteNumber(code, count);
                    }

                    json.WriteEndObject();
                    break;
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteMoney(Utf8JsonWriter json, string name, decimal amount)
    {
        // Always two decimals: 950000 and 950000.00 must hash the same way.
        json.WritePropertyName(name);
        json.WriteRawValue(decimal.Round(amount, 2).ToString("0.00", CultureInfo.InvariantCulture), skipInputValidation: true);
    }

    private static DateTimeOffset ParseTime(string? text) =>
        DateTimeOffset.Parse(text ?? throw new InvalidDataException("A journal time is missing."), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
