using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionGrains.Tenders;

namespace CompraNet.AuctionGrains.Tests.Tenders;

public sealed class TenderJournalCodecTests
{
    private const string TenderId = "LP-2027-000045~lot-3";

    private static readonly DateTimeOffset At = new DateTimeOffset(2027, 3, 1, 10, 5, 3, TimeSpan.Zero).AddTicks(1_234_560);
    private static readonly DateTimeOffset Deadline = new(2027, 3, 11, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid OfferId = Guid.Parse("6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b");

    private static readonly RevealedOffer Revealed = new(
        2, OfferId, "acme", At, 1_500_000.5m,
        [new OfferItemPrice("clave-010", 12.125m, 1_000.5m), new OfferItemPrice("clave-011", 0m, 3m)],
        "Entrega en 10 días \"naturales\"",
        [new OfferDocument("propuesta.pdf", new string('A', 64))],
        new string('c', 64));

    public static TheoryData<TenderEvent> Events => new()
    {
        new TenderOpenedForOffers(1, At, new TenderTerms("LP-2027-000045", "lot-3", "Medicamentos", "MXN", Deadline, ["acme", "bravo"]), "officer1"),
        new TenderOpenedForOffers(1, At, new TenderTerms("LP-2027-000045", null, "Obra", "USD", Deadline, []), "officer1"),
        new OfferSubmitted(2, At, OfferId, new string('b', 64), "c2VhbGVkIGJ5dGVz", new string('c', 64), null),
        new OfferSubmitted(3, At, Guid.NewGuid(), new string('b', 64), "c2VhbGVkIGJ5dGVz", new string('d', 64), 2),
        new OfferWithdrawn(4, At, new string('b', 64), 3, "c2VhbGVk", new string('e', 64)),
        new OffersOpened(5, At, "officer2", [Revealed], 1, 1),
        new OffersOpened(5, At, "officer2", [], 0, 0),
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Decode_EncodedEvent_EncodesBackToTheSamePayload(TenderEvent e)
    {
        var entry = TenderJournalCodec.Encode(TenderId, e, JournalCodec.GenesisHash);

        var decoded = TenderJournalCodec.Decode(entry);

        Assert.Equal(entry, TenderJournalCodec.Encode(TenderId, decoded, JournalCodec.GenesisHash));
        Assert.Equal((e.Sequence, e.Type, e.At), (decoded.Sequence, decoded.Type, decoded.At));
    }

    [Fact]
    public void Encode_SealedOffer_PinsTheCanonicalPayloadAndTheAuctionJournalsChain()
    {
        var e = new OfferSubmitted(2, At, OfferId, "b1d", "c2VhbGVk", "c0ffee", 1);

        var entry = TenderJournalCodec.Encode(TenderId, e, "prev");

        Assert.Equal(
            """{"sequence":2,"type":"offer-submitted","at":"2027-03-01T10:05:03.123456Z","tenderId":"LP-2027-000045~lot-3","offerId":"6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b","bidder":"b1d","replaces":1,"sealedHash":"c0ffee","sealed":"c2VhbGVk"}""",
            entry.Payload);
        Assert.Equal(JournalCodec.Hash("prev", entry.Payload), entry.Hash);
    }

    [Fact]
    public void Encode_Opening_WritesMoneyWithTwoDecimalsAndDocumentHashesInLowercase()
    {
        var entry = TenderJournalCodec.Encode(TenderId, new OffersOpened(5, At, "officer2", [Revealed], 0, 0), JournalCodec.GenesisHash);

        Assert.Contains("\"total\":1500000.50", entry.Payload, StringComparison.Ordinal);
        Assert.Contains("\"unitPrice\":12.125,\"quantity\":1000.5", entry.Payload, StringComparison.Ordinal);
        Assert.Contains("\"unitPrice\":0.00,\"quantity\":3", entry.Payload, StringComparison.Ordinal);
        Assert.Contains(new string('a', 64), entry.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void FindBrokenLink_PayloadAlteredAfterHashing_ReturnsItsIndex()
    {
        var terms = new TenderTerms("LP-2027-000045", "lot-3", "Medicamentos", "MXN", Deadline, []);
        var first = TenderJournalCodec.Encode(TenderId, new TenderOpenedForOffers(1, At, terms, "officer1"), JournalCodec.GenesisHash);
        var second = TenderJournalCodec.Encode(TenderId, new OfferSubmitted(2, At, OfferId, "b1d", "c2VhbGVk", "c0ffee", null), first.Hash);
        var third = TenderJournalCodec.Encode(TenderId, new OfferWithdrawn(3, At, "b1d", 2, "c2VhbGVk", "c0ffee"), second.Hash);

        var intact = TenderJournalCodec.FindBrokenLink([first, second, third]);
        var altered = TenderJournalCodec.FindBrokenLink([first, second with { Payload = second.Payload.Replace("b1d", "b1e", StringComparison.Ordinal) }, third]);
        var reordered = TenderJournalCodec.FindBrokenLink([first, third, second]);

        Assert.Equal(-1, intact);
        Assert.Equal(1, altered);
        Assert.Equal(1, reordered);
    }

    [Fact]
    public void DecodeOffer_EncodedOffer_RoundTripsEveryField()
    {
        var offer = new SubmitOffer("acme", OfferId, 1_500_000.5m, Revealed.Items, Revealed.TechnicalProposal, Revealed.Documents);
        var sealedAs = new OfferSubmitted(2, At, OfferId, "b1d", "c2VhbGVk", "c0ffee", null);

        var revealed = SealedOfferCodec.DecodeOffer(TenderId, SealedOfferCodec.EncodeOffer(TenderId, offer, At), sealedAs);

        Assert.Equal((2L, OfferId, "acme", At, 1_500_000.5m, Revealed.TechnicalProposal, "c0ffee"), (revealed.Sequence, revealed.OfferId, revealed.SupplierId, revealed.ReceivedAt, revealed.Total, revealed.TechnicalProposal, revealed.SealedHash));
        Assert.Equal(offer.Items.ToArray(), revealed.Items.ToArray());
        Assert.Equal([new OfferDocument("propuesta.pdf", new string('a', 64))], revealed.Documents.ToArray());
    }

    [Fact]
    public void DecodeOffer_PlaintextOfAnotherEntry_ThrowsInvalidData()
    {
        var offer = new SubmitOffer("acme", OfferId, 100m, [], null, []);
        var plaintext = SealedOfferCodec.EncodeOffer(TenderId, offer, At);

        Assert.Throws<InvalidDataException>(() => SealedOfferCodec.DecodeOffer(TenderId, plaintext, new OfferSubmitted(2, At, Guid.NewGuid(), "b1d", "x", "y", null)));
        Assert.Throws<InvalidDataException>(() => SealedOfferCodec.DecodeOffer(TenderId, plaintext, new OfferSubmitted(2, At.AddSeconds(1), OfferId, "b1d", "x", "y", null)));
        Assert.Throws<InvalidDataException>(() => SealedOfferCodec.DecodeOffer("LP-other", plaintext, new OfferSubmitted(2, At, OfferId, "b1d", "x", "y", null)));
    }
}
