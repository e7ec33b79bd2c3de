using System.Security.Cryptography;
using System.Text;
using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tests.Auctions;

public sealed class JournalCodecTests
{
    private const string AuctionId = "LA-2026-000123~lot-2";

    // Server times are kept to the microsecond; these carry microseconds to prove they survive.
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 12, 1, 17, 5, 3, TimeSpan.Zero).AddTicks(1_234_560);
    private static readonly DateTimeOffset EndsAt = new(2026, 12, 1, 17, 30, 0, TimeSpan.Zero);

    public static TheoryData<AuctionEvent> SimpleEvents => new()
    {
        new InitialOfferRecorded(1, At, "supplier1", 990_000.00m),
        new AuctionOpened(2, At, At.AddMinutes(-1), EndsAt),
        new BidAccepted(3, At, "supplier2", 950_000.50m, Guid.Parse("6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b"), Surrogate: false),
        new BidAccepted(4, At, "supplier3", 949_000m, Guid.Parse("00000000-0000-4000-8000-000000000001"), Surrogate: true),
        new AuctionExtended(5, At, EndsAt, EndsAt.AddMinutes(2), 1, 4),
    };

    [Theory]
    [MemberData(nameof(SimpleEvents))]
    public void Decode_EncodedEvent_RoundTrips(AuctionEvent e)
    {
        var entry = JournalCodec.Encode(AuctionId, e, JournalCodec.GenesisHash);

        var decoded = JournalCodec.Decode(entry);

        Assert.Equal(e, decoded);
        Assert.Equal((AuctionId, e.Sequence, e.Type, e.At), (entry.AuctionId, entry.Sequence, entry.Type, entry.At));
    }

    [Fact]
    public void Decode_EncodedClose_RoundTripsWithRefusalCounts()
    {
        var closed = new AuctionClosed(9, At, EndsAt, new Dictionary<string, int> { ["step-too-small"] = 3, ["closed"] = 1 });
        var entry = JournalCodec.Encode(AuctionId, closed, JournalCodec.GenesisHash);

        var decoded = Assert.IsType<AuctionClosed>(JournalCodec.Decode(entry));

        Assert.Equal((closed.Sequence, closed.At, closed.ScheduledAt), (decoded.Sequence, decoded.At, decoded.ScheduledAt));
        Assert.Equal(closed.RefusalCounts.OrderBy(p => p.Key), decoded.RefusalCounts.OrderBy(p => p.Key));
    }

    [Fact]
    public void Encode_AnyEntry_HashIsSha256HexOfPreviousHashPlusPayload()
    {
        var previous = new string('a', 64);

        var entry = JournalCodec.Encode(AuctionId, SimpleBid(2, 950_000m), previous);

        var expected = string.Concat(SHA256.HashData(Encoding.UTF8.GetBytes(previous + entry.Payload)).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected, entry.Hash);
        Assert.Equal(previous, entry.PreviousHash);
        Assert.Equal(64, entry.Hash.Length);
    }

    [Fact]
    public void GenesisHash_IsSixtyFourZeros()
    {
        var genesis = JournalCodec.GenesisHash;

        Assert.Equal(new string('0', 64), genesis);
    }

    [Fact]
    public void Encode_BidAccepted_PayloadHasTheProtocolFields()
    {
        var entry = JournalCodec.Encode(AuctionId, SimpleBid(3, 950_000.5m), JournalCodec.GenesisHash);

        Assert.Equal(
            "{\"sequence\":3,\"type\":\"bid-accepted\",\"at\":\"2026-12-01T17:05:03.123456Z\",\"auctionId\":\"LA-2026-000123~lot-2\","
            + "\"supplierId\":\"supplier2\",\"amount\":950000.50,\"bidId\":\"6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b\",\"surrogate\":false}",
            entry.Payload);
    }

    [Fact]
    public void Encode_WholeAndTwoDecimalAmounts_GiveTheSamePayload()
    {
        var whole = JournalCodec.Encode(AuctionId, SimpleBid(3, 950000m), JournalCodec.GenesisHash);
        var twoDecimals = JournalCodec.Encode(AuctionId, SimpleBid(3, 950000.00m), JournalCodec.GenesisHash);
        var offer = JournalCodec.Encode(AuctionId, new InitialOfferRecorded(1, At, "supplier1", 990000m), JournalCodec.GenesisHash);

        Assert.Equal(whole.Payload, twoDecimals.Payload);
        Assert.Equal(whole.Hash, twoDecimals.Hash);
        Assert.Contains("\"amount\":950000.00,", whole.Payload, StringComparison.Ordinal);
        Assert.Contains("\"amount\":990000.00}", offer.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void FindBrokenLink_IntactChain_IsMinusOne()
    {
        var chain = Chain(4);

        var broken = JournalCodec.FindBrokenLink(chain);

        Assert.Equal(-1, broken);
    }

    [Fact]
    public void FindBrokenLink_EmptyJournal_IsMinusOne()
    {
        var broken = JournalCodec.FindBrokenLink([]);

        Assert.Equal(-1, broken);
    }

    [Fact]
    public void FindBrokenLink_TamperedPayload_PointsAtTheTamperedEntry()
    {
        var chain = Chain(4);
        chain[2] = chain[2] with { Payload = chain[2].Payload.Replace("948000.00", "908000.00", StringComparison.Ordinal) };

        var broken = JournalCodec.FindBrokenLink(chain);

        Assert.Equal(2, broken);
    }

    [Fact]
    public void FindBrokenLink_EntryRehashedOntoWrongPreviousHash_PointsAtThatEntry()
    {
        var chain = Chain(4);
        chain[2] = JournalCodec.Encode(AuctionId, JournalCodec.Decode(chain[2]), JournalCodec.GenesisHash);

        var broken = JournalCodec.FindBrokenLink(chain);

        Assert.Equal(2, broken);
    }

    [Fact]
    public void FindBrokenLink_MissingEntry_PointsAtTheGap()
    {
        var chain = Chain(4);
        chain.RemoveAt(1);

        var broken = JournalCodec.FindBrokenLink(chain);

        Assert.Equal(1, broken);
    }

    [Fact]
    public void FindBrokenLink_SkippedSequenceWithIntactHashes_PointsAtTheGap()
    {
        var first = JournalCodec.Encode(AuctionId, SimpleBid(1, 950_000m), JournalCodec.GenesisHash);
        var second = JournalCodec.Encode(AuctionId, SimpleBid(2, 949_000m), first.Hash);
        var fourth = JournalCodec.Encode(AuctionId, SimpleBid(4, 948_000m), second.Hash);

        var broken = JournalCodec.FindBrokenLink([first, second, fourth]);

        Assert.Equal(2, broken);
    }

    [Fact]
    public void FindBrokenLink_ForgedHash_PointsAtThatEntry()
    {
        var chain = Chain(3);
        chain[1] = chain[1] with { Hash = new string('f', 64) };

        var broken = JournalCodec.FindBrokenLink(chain);

        Assert.Equal(1, broken);
    }

    private static BidAccepted SimpleBid(long sequence, decimal amount) =>
        new(sequence, At, "supplier2", amount, Guid.Parse("6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b"), Surrogate: false);

    /// <summary>A chain of bids 950,000.00, 949,000.00, 948,000.00… hashed in order from the genesis hash.</summary>
    private static List<JournalEntry> Chain(int length)
    {
        var chain = new List<JournalEntry>(length);
        for (var i = 1; i <= length; i++)
        {
            var previous = chain.Count == 0 ? JournalCodec.GenesisHash : chain[^1].Hash;
            chain.Add(JournalCodec.Encode(AuctionId, SimpleBid(i, 951_000m - (i * 1_000m)), previous));
        }

        return chain;
    }
}
