using System.Collections.Immutable;
using CompraNet.AuctionGrains.Tenders;

namespace CompraNet.AuctionGrains.Tests.Tenders;

public sealed class TenderRulesTests
{
    private const string TenderId = "LP-2027-000045";

    private static readonly DateTimeOffset T0 = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = T0.AddDays(10);
    private static readonly DateTimeOffset During = T0.AddDays(1);

    [Fact]
    public void PhaseAt_BeforeAtAndAfterTheDeadline_AcceptingThenAwaitingOpening()
    {
        var book = Book();

        Assert.Equal(TenderPhase.AcceptingOffers, TenderRules.PhaseAt(book, Deadline.AddTicks(-10)));
        Assert.Equal(TenderPhase.AwaitingOpening, TenderRules.PhaseAt(book, Deadline));
        Assert.Equal(TenderPhase.AwaitingOpening, TenderRules.PhaseAt(book, Deadline.AddDays(30)));
    }

    [Fact]
    public void PhaseAt_AfterOpening_Opened()
    {
        var book = Book();
        book.Apply(new OffersOpened(2, Deadline, "officer1", [], 0, 0));

        Assert.Equal(TenderPhase.Opened, TenderRules.PhaseAt(book, Deadline));
    }

    [Fact]
    public void OpenForOffers_SameTermsInAnotherOrderAndFinerTime_Repeat()
    {
        var book = Book(invited: ["acme", "bravo"]);
        var resent = Terms(invited: ["bravo", "acme"]) with { SubmissionDeadline = Deadline.AddTicks(3).ToOffset(TimeSpan.FromHours(-6)) };

        var decision = TenderRules.OpenForOffers(book, TenderId, resent, "officer2", During);

        Assert.True(decision.IsRepeat);
        Assert.False(decision.IsRefused);
    }

    [Fact]
    public void OpenForOffers_OtherTerms_RefusedConflict()
    {
        var decision = TenderRules.OpenForOffers(Book(), TenderId, Terms() with { Title = "Otro título" }, "officer1", During);

        Assert.Equal(TenderRefusalCodes.Conflict, decision.RefusalCode);
    }

    [Fact]
    public void OpenForOffers_InvalidTerms_RefusedInvalidWithEveryField()
    {
        var terms = Terms(invited: ["acme", "acme"]) with { Currency = "pesos", Title = " " };

        var decision = TenderRules.OpenForOffers(null, TenderId, terms, " ", Deadline);

        Assert.Equal(TenderRefusalCodes.Invalid, decision.RefusalCode);
        Assert.Equal(["createdBy", "currency", "invitedSuppliers[1]", "submissionDeadline", "title"], decision.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OpenForOffers_NoTenderAndValidTerms_Allowed()
    {
        var decision = TenderRules.OpenForOffers(null, TenderId, Terms(), "officer1", During);

        Assert.True(decision.IsAllowed, decision.Message);
    }

    [Fact]
    public void Submit_NoTender_RefusedUnknownTender()
    {
        var decision = TenderRules.Submit(null, Offer("acme", 100m), "p-acme", During);

        Assert.Equal(TenderRefusalCodes.UnknownTender, decision.RefusalCode);
    }

    [Fact]
    public void Submit_BeforeTheDeadline_Allowed()
    {
        var decision = TenderRules.Submit(Book(), Offer("acme", 100m), "p-acme", Deadline.AddTicks(-10));

        Assert.True(decision.IsAllowed, decision.Message);
    }

    [Fact]
    public void Submit_AtTheDeadline_RefusedDeadlinePassed()
    {
        var decision = TenderRules.Submit(Book(), Offer("acme", 100m), "p-acme", Deadline);

        Assert.Equal(TenderRefusalCodes.DeadlinePassed, decision.RefusalCode);
    }

    [Fact]
    public void Submit_NotInvited_RefusedNotInvited()
    {
        var decision = TenderRules.Submit(Book(invited: ["acme"]), Offer("bravo", 100m), "p-bravo", During);

        Assert.Equal(TenderRefusalCodes.NotInvited, decision.RefusalCode);
    }

    [Fact]
    public void Submit_KnownOfferIdOfTheSameBidder_RepeatEvenAfterTheDeadline()
    {
        var book = Book();
        var offer = Offer("acme", 100m);
        book.Apply(Sealed(2, offer.OfferId, "p-acme"));

        var decision = TenderRules.Submit(book, offer, "p-acme", Deadline.AddDays(1));

        Assert.True(decision.IsRepeat);
    }

    [Fact]
    public void Submit_KnownOfferIdOfAnotherBidder_RefusedInvalid()
    {
        var book = Book();
        var offer = Offer("acme", 100m);
        book.Apply(Sealed(2, offer.OfferId, "p-acme"));

        var decision = TenderRules.Submit(book, offer with { SupplierId = "bravo" }, "p-bravo", During);

        Assert.Equal(TenderRefusalCodes.Invalid, decision.RefusalCode);
    }

    public static TheoryData<SubmitOffer, string> InvalidOffers => new()
    {
        { Offer("acme", 100m) with { OfferId = Guid.Empty }, "offerId" },
        { Offer("", 100m), "supplierId" },
        { Offer("acme", 0m), "total" },
        { Offer("acme", 10.001m), "total" },
        { Offer("acme", 1_000_000_000_000_000.01m), "total" },
        { Offer("acme", 100m) with { Items = [new OfferItemPrice("a", 1m, 0m)] }, "items[0].quantity" },
        { Offer("acme", 100m) with { Items = [new OfferItemPrice("a", 1.00001m, 1m)] }, "items[0].unitPrice" },
        { Offer("acme", 100m) with { Items = [new OfferItemPrice("a", 1m, 1m), new OfferItemPrice("a", 2m, 1m)] }, "items[1].itemId" },
        { Offer("acme", 100m) with { TechnicalProposal = new string('x', TenderValidator.MaxTechnicalProposalLength + 1) }, "technicalProposal" },
        { Offer("acme", 100m) with { Documents = [new OfferDocument("a.pdf", "not-a-hash")] }, "documents[0].sha256" },
        { Offer("acme", 100m) with { Documents = [new OfferDocument("a\n.pdf", new string('0', 64))] }, "documents[0].name" },
    };

    [Theory]
    [MemberData(nameof(InvalidOffers))]
    public void Submit_MalformedOffer_RefusedInvalidNamingTheField(SubmitOffer offer, string field)
    {
        var decision = TenderRules.Submit(Book(), offer, "p-acme", During);

        Assert.Equal(TenderRefusalCodes.Invalid, decision.RefusalCode);
        Assert.Contains(field, decision.Errors.Keys);
    }

    [Fact]
    public void Withdraw_LiveOfferBeforeTheDeadline_Allowed()
    {
        var book = Book();
        var offerId = Guid.NewGuid();
        book.Apply(Sealed(2, offerId, "p-acme"));

        var decision = TenderRules.Withdraw(book, new WithdrawOffer("acme", offerId), "p-acme", During);

        Assert.True(decision.IsAllowed, decision.Message);
    }

    [Fact]
    public void Withdraw_ReplacedOffer_RefusedNoOffer()
    {
        var book = Book();
        var first = Guid.NewGuid();
        book.Apply(Sealed(2, first, "p-acme"));
        book.Apply(Sealed(3, Guid.NewGuid(), "p-acme", replaces: 2));

        var decision = TenderRules.Withdraw(book, new WithdrawOffer("acme", first), "p-acme", During);

        Assert.Equal(TenderRefusalCodes.NoOffer, decision.RefusalCode);
    }

    [Fact]
    public void Withdraw_AlreadyWithdrawn_RepeatEvenAfterTheDeadline()
    {
        var book = Book();
        var offerId = Guid.NewGuid();
        book.Apply(Sealed(2, offerId, "p-acme"));
        book.Apply(new OfferWithdrawn(3, During, "p-acme", 2, "c2VhbGVk", new string('b', 64)));

        var decision = TenderRules.Withdraw(book, new WithdrawOffer("acme", offerId), "p-acme", Deadline.AddDays(1));

        Assert.True(decision.IsRepeat);
    }

    [Fact]
    public void Withdraw_AtTheDeadline_RefusedDeadlinePassed()
    {
        var book = Book();
        var offerId = Guid.NewGuid();
        book.Apply(Sealed(2, offerId, "p-acme"));

        var decision = TenderRules.Withdraw(book, new WithdrawOffer("acme", offerId), "p-acme", Deadline);

        Assert.Equal(TenderRefusalCodes.DeadlinePassed, decision.RefusalCode);
    }

    [Fact]
    public void Withdraw_OfferOfAnotherBidder_RefusedNoOffer()
    {
        var book = Book();
        var offerId = Guid.NewGuid();
        book.Apply(Sealed(2, offerId, "p-acme"));

        var decision = TenderRules.Withdraw(book, new WithdrawOffer("bravo", offerId), "p-bravo", During);

        Assert.Equal(TenderRefusalCodes.NoOffer, decision.RefusalCode);
    }

    [Fact]
    public void Open_OneTickBeforeTheDeadline_RefusedTooEarly()
    {
        var decision = TenderRules.Open(Book(), "officer1", Deadline.AddTicks(-1));

        Assert.Equal(TenderRefusalCodes.TooEarly, decision.RefusalCode);
    }

    [Fact]
    public void Open_AtTheDeadline_Allowed()
    {
        var decision = TenderRules.Open(Book(), "officer1", Deadline);

        Assert.True(decision.IsAllowed, decision.Message);
    }

    [Fact]
    public void Open_AlreadyOpened_Repeat()
    {
        var book = Book();
        book.Apply(new OffersOpened(2, Deadline, "officer1", [], 0, 0));

        var decision = TenderRules.Open(book, "officer2", Deadline.AddHours(1));

        Assert.True(decision.IsRepeat);
    }

    [Fact]
    public void Open_WithoutOfficer_RefusedInvalid()
    {
        var decision = TenderRules.Open(Book(), " ", Deadline);

        Assert.Equal(TenderRefusalCodes.Invalid, decision.RefusalCode);
    }

    [Fact]
    public void Apply_ReplacementThatDoesNotNameTheLiveOffer_ThrowsInvalidData()
    {
        var book = Book();
        book.Apply(Sealed(2, Guid.NewGuid(), "p-acme"));

        Assert.Throws<InvalidDataException>(() => book.Apply(Sealed(3, Guid.NewGuid(), "p-acme")));
    }

    [Fact]
    public void Apply_OfferAfterTheOpening_ThrowsInvalidData()
    {
        var book = Book();
        book.Apply(new OffersOpened(2, Deadline, "officer1", [], 0, 0));

        Assert.Throws<InvalidDataException>(() => book.Apply(Sealed(3, Guid.NewGuid(), "p-acme")));
    }

    private static TenderTerms Terms(params string[] invited) =>
        new(TenderId, null, "Medicamentos del cuadro básico 2027", "MXN", Deadline, [.. invited]);

    private static TenderBook Book(string[]? invited = null) =>
        new(new TenderOpenedForOffers(1, T0, TenderRules.Normalize(Terms(invited ?? [])), "officer1"));

    private static SubmitOffer Offer(string supplierId, decimal total) =>
        new(supplierId, Guid.NewGuid(), total, ImmutableArray<OfferItemPrice>.Empty, null, ImmutableArray<OfferDocument>.Empty);

    private static OfferSubmitted Sealed(long sequence, Guid offerId, string bidder, long? replaces = null) =>
        new(sequence, During, offerId, bidder, "c2VhbGVk", new string('a', 64), replaces);
}
