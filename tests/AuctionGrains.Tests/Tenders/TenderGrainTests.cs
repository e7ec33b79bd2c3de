using System.Globalization;
using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionGrains.Tenders;

namespace CompraNet.AuctionGrains.Tests.Tenders;

/// <summary>
/// The tender grain in a live in-process cluster. The fake clock only moves forward and is shared: each test opens
/// its own tender with a deadline relative to <see cref="TenderClusterFixture.Now"/>.
/// </summary>
[Collection(TenderClusterCollection.Name)]
public sealed class TenderGrainTests(TenderClusterFixture fixture)
{
    private InMemoryTenderJournal Journal => fixture.Journal;

    private RecordingTenderSealer Sealer => fixture.Sealer;

    [Fact]
    public async Task OpenForOffersAsync_ValidTerms_JournalsTheCallForOffers()
    {
        var (_, terms) = await OpenAsync("call");

        var entry = Assert.Single(Journal.EntriesOf(terms.TenderId));

        var opened = Assert.IsType<TenderOpenedForOffers>(TenderJournalCodec.Decode(entry));
        Assert.True(TenderRules.SameTerms(terms, opened.Terms));
        Assert.Equal("officer1", opened.CreatedBy);
        Assert.Equal(-1, TenderJournalCodec.FindBrokenLink(Journal.EntriesOf(terms.TenderId)));
    }

    [Fact]
    public async Task OpenForOffersAsync_SameTermsTwice_AcceptedAndJournaledOnce()
    {
        var (grain, terms) = await OpenAsync("call-twice", invited: ["acme", "bravo"]);

        var again = await grain.OpenForOffersAsync(terms with { InvitedSuppliers = ["bravo", "acme"] }, "officer2");

        Assert.True(again.IsAccepted, again.Message);
        Assert.Single(Journal.EntriesOf(terms.TenderId));
    }

    [Fact]
    public async Task OpenForOffersAsync_OtherTerms_RefusedConflict()
    {
        var (grain, terms) = await OpenAsync("call-conflict");

        var other = await grain.OpenForOffersAsync(terms with { SubmissionDeadline = terms.SubmissionDeadline.AddDays(1) }, "officer1");

        Assert.Equal(TenderRefusalCodes.Conflict, other.Code);
        Assert.Single(Journal.EntriesOf(terms.TenderId));
    }

    [Fact]
    public async Task OpenForOffersAsync_DeadlineInThePast_RefusedInvalidAndNothingStored()
    {
        var terms = TenderData.Terms(fixture.NewProcedureId("call-late"), fixture.Now.AddMinutes(-1));
        var grain = fixture.Tender(terms.TenderId);

        var result = await grain.OpenForOffersAsync(terms, "officer1");

        Assert.Equal(TenderRefusalCodes.Invalid, result.Code);
        Assert.Contains("submissionDeadline", result.Errors.Keys);
        Assert.Empty(Journal.EntriesOf(terms.TenderId));
        Assert.Null(await grain.GetStatusAsync(Viewer.Officer));
    }

    [Fact]
    public async Task OpenForOffersAsync_TermsOfAnotherTender_RefusedInvalid()
    {
        var terms = TenderData.Terms(fixture.NewProcedureId("call-key"), fixture.Now.AddDays(1));
        var grain = fixture.Tender(fixture.NewProcedureId("call-elsewhere"));

        var result = await grain.OpenForOffersAsync(terms, "officer1");

        Assert.Equal(TenderRefusalCodes.Invalid, result.Code);
        Assert.Contains("procedureId", result.Errors.Keys);
    }

    [Fact]
    public async Task SubmitOfferAsync_NoSuchTender_RefusedUnknownTender()
    {
        var grain = fixture.Tender(fixture.NewProcedureId("missing"));

        var result = await grain.SubmitOfferAsync(TenderData.Offer("acme", 1_000m));

        Assert.Equal(TenderRefusalCodes.UnknownTender, result.Code);
        Assert.Null(result.Receipt);
    }

    [Fact]
    public async Task SubmitOfferAsync_ValidOffer_ReturnsAReceiptAndStoresOnlyCiphertext()
    {
        var (grain, terms) = await OpenAsync("submit");
        var offer = TenderData.Offer("acme-suministros", 1_234_567.89m, "Entrega inmediata desde almacén Monterrey");

        var result = await grain.SubmitOfferAsync(offer);

        Assert.True(result.IsAccepted, result.Message);
        var receipt = result.Receipt!;
        var entry = Journal.EntriesOf(terms.TenderId)[^1];
        var sealedEntry = Assert.IsType<OfferSubmitted>(TenderJournalCodec.Decode(entry));
        Assert.Equal((terms.TenderId, offer.OfferId, 2L, fixture.Now), (receipt.TenderId, receipt.OfferId, receipt.Sequence, receipt.ReceivedAt));
        Assert.Equal(SealedOfferCodec.HashOf(Convert.FromBase64String(sealedEntry.Sealed)), receipt.SealedHash);
        Assert.Null(result.ReplacedOfferId);
        Assert.DoesNotContain("acme-suministros", entry.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("1234567.89", entry.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("Monterrey", entry.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("clave-010", entry.Payload, StringComparison.Ordinal);
        Assert.Equal(0, Sealer.UnsealsOf(terms.TenderId));
    }

    [Fact]
    public async Task SubmitOfferAsync_SameOfferIdAgain_ReturnsTheSameReceiptAndJournalsOnce()
    {
        var (grain, terms) = await OpenAsync("idempotent");
        var offer = TenderData.Offer("acme", 1_000m);
        var first = await grain.SubmitOfferAsync(offer);
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));

        var again = await grain.SubmitOfferAsync(offer);

        Assert.True(again.IsAccepted, again.Message);
        Assert.Equal(first.Receipt, again.Receipt);
        Assert.Equal(2, Journal.EntriesOf(terms.TenderId).Count);
    }

    [Fact]
    public async Task SubmitOfferAsync_OfferIdOfAnotherSupplier_RefusedInvalid()
    {
        var (grain, _) = await OpenAsync("offer-id-taken");
        var offer = TenderData.Offer("acme", 1_000m);
        await grain.SubmitOfferAsync(offer);

        var result = await grain.SubmitOfferAsync(offer with { SupplierId = "bravo" });

        Assert.Equal(TenderRefusalCodes.Invalid, result.Code);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100.005")]
    [InlineData("1000000000000000.01")]
    public async Task SubmitOfferAsync_BadTotal_RefusedInvalidAndNothingStored(string total)
    {
        var (grain, terms) = await OpenAsync("bad-total");

        var result = await grain.SubmitOfferAsync(TenderData.Offer("acme", decimal.Parse(total, CultureInfo.InvariantCulture)));

        Assert.Equal(TenderRefusalCodes.Invalid, result.Code);
        Assert.Contains("total", result.Message, StringComparison.Ordinal);
        Assert.Single(Journal.EntriesOf(terms.TenderId));
    }

    [Fact]
    public async Task SubmitOfferAsync_TotalOnlyWithoutItemsTextOrDocuments_AcceptedAndOpenedAsSent()
    {
        var (grain, terms) = await OpenAsync("total-only");

        var result = await grain.SubmitOfferAsync(new SubmitOffer("acme", Guid.NewGuid(), 750m, default, null, default));
        var opening = await OpenAfterDeadlineAsync(grain, terms);

        Assert.True(result.IsAccepted, result.Message);
        var offer = Assert.Single(opening.Offers);
        Assert.Equal((750m, null, 0, 0), (offer.Total, offer.TechnicalProposal, offer.Items.Length, offer.Documents.Length));
    }

    [Fact]
    public async Task SubmitOfferAsync_SecondOfferOfTheSameSupplier_ReplacesTheFirst()
    {
        var (grain, terms) = await OpenAsync("replace");
        var first = await grain.SubmitOfferAsync(TenderData.Offer("acme", 2_000m));
        await grain.SubmitOfferAsync(TenderData.Offer("bravo", 1_900m));

        var second = await grain.SubmitOfferAsync(TenderData.Offer("acme", 1_500m));
        var status = (await grain.GetStatusAsync(Viewer.Supplier("acme")))!;
        var opening = await OpenAfterDeadlineAsync(grain, terms);

        Assert.True(second.IsAccepted, second.Message);
        Assert.Equal(first.OfferId, second.ReplacedOfferId);
        Assert.Equal(2, status.LiveOffers);
        Assert.Equal(
            [(first.OfferId, OfferState.Replaced), (second.OfferId, OfferState.Live)],
            status.OwnOffers.Select(o => (o.Receipt.OfferId, o.State)));
        Assert.Equal([("bravo", 1_900m), ("acme", 1_500m)], opening.Offers.Select(o => (o.SupplierId, o.Total)));
        Assert.Equal(1, opening.ReplacedOffers);
        Assert.Equal(first.Receipt!.Sequence, ((OfferSubmitted)TenderJournalCodec.Decode(Journal.EntriesOf(terms.TenderId)[3])).Replaces);
    }

    [Fact]
    public async Task SubmitOfferAsync_AtTheDeadline_RefusedDeadlinePassed()
    {
        var (grain, terms) = await OpenAsync("deadline");
        fixture.Clock.Advance(terms.SubmissionDeadline - fixture.Now);

        var result = await grain.SubmitOfferAsync(TenderData.Offer("acme", 1_000m));

        Assert.Equal(TenderRefusalCodes.DeadlinePassed, result.Code);
        Assert.Single(Journal.EntriesOf(terms.TenderId));
    }

    [Fact]
    public async Task SubmitOfferAsync_ByInvitation_OnlyInvitedSuppliersMaySubmit()
    {
        var (grain, _) = await OpenAsync("invited", invited: ["acme", "bravo"]);

        var invited = await grain.SubmitOfferAsync(TenderData.Offer("bravo", 1_000m));
        var intruder = await grain.SubmitOfferAsync(TenderData.Offer("charlie", 900m));

        Assert.True(invited.IsAccepted, invited.Message);
        Assert.Equal(TenderRefusalCodes.NotInvited, intruder.Code);
        Assert.Equal(1, (await grain.GetStatusAsync(Viewer.Officer))!.LiveOffers);
    }

    [Fact]
    public async Task WithdrawOfferAsync_LiveOffer_WithdrawnAndNeverOpened()
    {
        var (grain, terms) = await OpenAsync("withdraw");
        var acme = await grain.SubmitOfferAsync(TenderData.Offer("acme", 1_000m));
        await grain.SubmitOfferAsync(TenderData.Offer("bravo", 1_100m));

        var withdrawn = await grain.WithdrawOfferAsync(new WithdrawOffer("acme", acme.OfferId));
        var again = await grain.WithdrawOfferAsync(new WithdrawOffer("acme", acme.OfferId));
        var opening = await OpenAfterDeadlineAsync(grain, terms);

        Assert.True(withdrawn.IsAccepted, withdrawn.Message);
        Assert.Equal((withdrawn.Sequence, withdrawn.WithdrawnAt), (again.Sequence, again.WithdrawnAt));
        Assert.True(again.IsAccepted, again.Message);
        Assert.Equal(["bravo"], opening.Offers.Select(o => o.SupplierId));
        Assert.Equal(1, opening.WithdrawnOffers);
        var entry = Journal.EntriesOf(terms.TenderId).Single(e => e.Type == OfferWithdrawn.TypeName);
        Assert.DoesNotContain("acme", entry.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain(acme.OfferId.ToString("D"), entry.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithdrawOfferAsync_AfterTheDeadline_RefusedDeadlinePassed()
    {
        var (grain, terms) = await OpenAsync("withdraw-late");
        var acme = await grain.SubmitOfferAsync(TenderData.Offer("acme", 1_000m));
        fixture.Clock.Advance(terms.SubmissionDeadline - fixture.Now);

        var result = await grain.WithdrawOfferAsync(new WithdrawOffer("acme", acme.OfferId));

        Assert.Equal(TenderRefusalCodes.DeadlinePassed, result.Code);
        Assert.Equal(1, (await grain.GetStatusAsync(Viewer.Public))!.LiveOffers);
    }

    [Fact]
    public async Task WithdrawOfferAsync_AnotherSuppliersOffer_RefusedNoOffer()
    {
        var (grain, _) = await OpenAsync("withdraw-other");
        var acme = await grain.SubmitOfferAsync(TenderData.Offer("acme", 1_000m));

        var result = await grain.WithdrawOfferAsync(new WithdrawOffer("bravo", acme.OfferId));

        Assert.Equal(TenderRefusalCodes.NoOffer, result.Code);
        Assert.Equal(1, (await grain.GetStatusAsync(Viewer.Public))!.LiveOffers);
    }

    [Fact]
    public async Task GetStatusAsync_BeforeOpening_ShowsTheCountOnlyAndEachSupplierItsOwnReceipts()
    {
        var (grain, _) = await OpenAsync("status", invited: ["acme", "bravo", "charlie"]);
        var acme = await grain.SubmitOfferAsync(TenderData.Offer("acme", 1_000m));
        await grain.SubmitOfferAsync(TenderData.Offer("bravo", 900m));

        var officer = (await grain.GetStatusAsync(Viewer.Officer))!;
        var supplier = (await grain.GetStatusAsync(Viewer.Supplier("acme")))!;
        var outsider = (await grain.GetStatusAsync(Viewer.Supplier("charlie")))!;
        var anyone = (await grain.GetStatusAsync(Viewer.Public))!;

        Assert.All([officer, supplier, outsider, anyone], s =>
        {
            Assert.Equal((TenderPhase.AcceptingOffers, 2), (s.Phase, s.LiveOffers));
            Assert.Null(s.Opening);
        });
        Assert.Empty(officer.OwnOffers);
        Assert.Empty(outsider.OwnOffers);
        Assert.Equal(acme.Receipt, Assert.Single(supplier.OwnOffers).Receipt);
        Assert.Equal(["acme", "bravo", "charlie"], officer.InvitedSuppliers.ToArray());
        Assert.Empty(anyone.InvitedSuppliers);
        Assert.Empty(supplier.InvitedSuppliers);
        Assert.True(anyone.IsByInvitation);
    }

    [Fact]
    public async Task OpenOffersAsync_BeforeTheDeadline_RefusedTooEarlyAndNothingUnsealed()
    {
        var (grain, terms) = await OpenAsync("too-early");
        await grain.SubmitOfferAsync(TenderData.Offer("acme", 1_000m));
        fixture.Clock.Advance(terms.SubmissionDeadline - fixture.Now - TimeSpan.FromTicks(10));

        var result = await grain.OpenOffersAsync("officer1");

        Assert.Equal(TenderRefusalCodes.TooEarly, result.Code);
        Assert.Null(result.Opening);
        Assert.Equal(0, Sealer.UnsealsOf(terms.TenderId));
        Assert.Equal(TenderPhase.AcceptingOffers, (await grain.GetStatusAsync(Viewer.Officer))!.Phase);
    }

    [Fact]
    public async Task OpenOffersAsync_AfterTheDeadline_RevealsEveryLiveOfferAtOnceInReceiptOrder()
    {
        var (grain, terms) = await OpenAsync("opening");
        var offers = new[] { TenderData.Offer("charlie", 3_000.5m), TenderData.Offer("acme", 2_500m), TenderData.Offer("bravo", 2_750.25m, "Garantía de 24 meses") };
        var receipts = new List<OfferReceipt>();
        foreach (var offer in offers)
        {
            receipts.Add((await grain.SubmitOfferAsync(offer)).Receipt!);
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        fixture.Clock.Advance(terms.SubmissionDeadline - fixture.Now);
        var result = await grain.OpenOffersAsync("officer1");

        Assert.True(result.IsAccepted, result.Message);
        var opening = result.Opening!;
        Assert.Equal((fixture.Now, "officer1", terms.TenderId), (opening.OpenedAt, opening.OpenedBy, opening.TenderId));
        Assert.Equal(["charlie", "acme", "bravo"], opening.Offers.Select(o => o.SupplierId));
        Assert.Equal(offers.Select(o => o.Total), opening.Offers.Select(o => o.Total));
        Assert.Equal(receipts.Select(r => (r.OfferId, r.Sequence, r.ReceivedAt, r.SealedHash)), opening.Offers.Select(o => (o.OfferId, o.Sequence, o.ReceivedAt, o.SealedHash)));
        Assert.Equal("Garantía de 24 meses", opening.Offers[2].TechnicalProposal);
        Assert.Equal([("clave-010", 12.5m, 1_000m)], opening.Offers[0].Items.Select(i => (i.ItemId, i.UnitPrice, i.Quantity)));
        Assert.Equal([("propuesta-tecnica.pdf", TenderData.DocumentHash)], opening.Offers[0].Documents.Select(d => (d.Name, d.Sha256)));
        var entry = Journal.EntriesOf(terms.TenderId)[^1];
        Assert.Equal(OffersOpened.TypeName, entry.Type);
        Assert.Contains("\"supplierId\":\"charlie\"", entry.Payload, StringComparison.Ordinal);
        Assert.Contains("\"total\":3000.50", entry.Payload, StringComparison.Ordinal);
        Assert.Equal(-1, TenderJournalCodec.FindBrokenLink(Journal.EntriesOf(terms.TenderId)));
        var status = (await grain.GetStatusAsync(Viewer.Public))!;
        Assert.Equal(TenderPhase.Opened, status.Phase);
        Assert.Equal(3, status.Opening!.Offers.Length);
    }

    [Fact]
    public async Task OpenOffersAsync_Twice_ReturnsTheSameOpeningAndJournalsItOnce()
    {
        var (grain, terms) = await OpenAsync("open-twice");
        await grain.SubmitOfferAsync(TenderData.Offer("acme", 1_000m));
        var first = await OpenAfterDeadlineAsync(grain, terms);
        var unseals = Sealer.UnsealsOf(terms.TenderId);
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));

        var second = await grain.OpenOffersAsync("officer2");

        Assert.True(second.IsAccepted, second.Message);
        Assert.Equal((first.OpenedAt, first.OpenedBy, first.Sequence), (second.Opening!.OpenedAt, second.Opening.OpenedBy, second.Opening.Sequence));
        Assert.Equal(first.Offers.Select(o => (o.OfferId, o.Total)), second.Opening.Offers.Select(o => (o.OfferId, o.Total)));
        Assert.Single(Journal.EntriesOf(terms.TenderId), e => e.Type == OffersOpened.TypeName);
        Assert.Equal(1, unseals);
        Assert.Equal(unseals, Sealer.UnsealsOf(terms.TenderId));
    }

    [Fact]
    public async Task OpenOffersAsync_NoOffers_OpensWithEmptyMinutes()
    {
        var (grain, terms) = await OpenAsync("void");

        var opening = await OpenAfterDeadlineAsync(grain, terms);

        Assert.Empty(opening.Offers);
        Assert.Equal(TenderPhase.Opened, (await grain.GetStatusAsync(Viewer.Public))!.Phase);
    }

    [Fact]
    public async Task OnActivateAsync_AfterDeactivation_RebuildsOffersWithoutUnsealing()
    {
        var (grain, terms) = await OpenAsync("restart");
        var acmeFirst = TenderData.Offer("acme", 2_000m);
        await grain.SubmitOfferAsync(acmeFirst);
        var acme = await grain.SubmitOfferAsync(TenderData.Offer("acme", 1_800m));
        var bravo = await grain.SubmitOfferAsync(TenderData.Offer("bravo", 1_700m));
        var charlie = await grain.SubmitOfferAsync(TenderData.Offer("charlie", 1_600m));
        await grain.WithdrawOfferAsync(new WithdrawOffer("charlie", charlie.OfferId));
        var before = (await grain.GetStatusAsync(Viewer.Supplier("acme")))!;
        var reads = Journal.ReadsOf(terms.TenderId);

        await fixture.Cluster.DeactivateAsync(grain);
        var after = (await grain.GetStatusAsync(Viewer.Supplier("acme")))!;
        var retried = await grain.SubmitOfferAsync(acmeFirst);
        var unsealedBeforeOpening = Sealer.UnsealsOf(terms.TenderId);
        var opening = await OpenAfterDeadlineAsync(grain, terms);

        Assert.Equal(reads + 1, Journal.ReadsOf(terms.TenderId));
        Assert.Equal(0, unsealedBeforeOpening);
        Assert.Equal(2, after.LiveOffers);
        Assert.Equal(before.OwnOffers.ToArray(), after.OwnOffers.ToArray());
        Assert.True(retried.IsAccepted, retried.Message);
        Assert.Equal(2L, retried.Receipt!.Sequence);
        Assert.Equal([(acme.OfferId, 1_800m), (bravo.OfferId, 1_700m)], opening.Offers.Select(o => (o.OfferId, o.Total)));
        Assert.Equal((1, 1), (opening.WithdrawnOffers, opening.ReplacedOffers));
    }

    [Fact]
    public async Task OnActivateAsync_AfterOpeningAndDeactivation_ReturnsTheSameOpeningWithoutUnsealingAgain()
    {
        var (grain, terms) = await OpenAsync("restart-opened");
        await grain.SubmitOfferAsync(TenderData.Offer("acme", 1_000m));
        var opening = await OpenAfterDeadlineAsync(grain, terms);
        var unseals = Sealer.UnsealsOf(terms.TenderId);

        await fixture.Cluster.DeactivateAsync(grain);
        var again = await grain.OpenOffersAsync("officer2");

        Assert.Equal(opening.Sequence, again.Opening!.Sequence);
        Assert.Equal(opening.Offers.Select(o => (o.SupplierId, o.Total, o.SealedHash)), again.Opening.Offers.Select(o => (o.SupplierId, o.Total, o.SealedHash)));
        Assert.Equal(unseals, Sealer.UnsealsOf(terms.TenderId));
    }

    [Fact]
    public async Task SubmitOfferAsync_JournalWriteFails_RefusedUnavailableThenTheSameOfferIsAccepted()
    {
        var (grain, terms) = await OpenAsync("storage-down");
        var offer = TenderData.Offer("acme", 1_000m);
        Journal.FailNextAppends(terms.TenderId, 1);

        var failed = await grain.SubmitOfferAsync(offer);
        var retried = await grain.SubmitOfferAsync(offer);

        Assert.Equal(TenderRefusalCodes.Unavailable, failed.Code);
        Assert.True(retried.IsAccepted, retried.Message);
        Assert.Equal(2L, retried.Receipt!.Sequence);
        Assert.Equal(1, (await grain.GetStatusAsync(Viewer.Officer))!.LiveOffers);
    }

    [Fact]
    public async Task OnActivateAsync_JournalAlteredWithoutItsChain_RefusesToServeTheTender()
    {
        var (grain, terms) = await OpenAsync("tampered-chain");
        await grain.SubmitOfferAsync(TenderData.Offer("acme", 1_000m));
        Journal.Rewrite(terms.TenderId, entries => [entries[0], entries[1] with { Payload = entries[1].Payload.Replace("\"replaces\":null", "\"replaces\":7", StringComparison.Ordinal) }]);

        await fixture.Cluster.DeactivateAsync(grain);
        var result = await grain.SubmitOfferAsync(TenderData.Offer("bravo", 900m));

        Assert.Equal(TenderRefusalCodes.Unavailable, result.Code);
        await Assert.ThrowsAsync<TenderStorageException>(() => grain.GetStatusAsync(Viewer.Officer));
    }

    [Fact]
    public async Task OpenOffersAsync_CiphertextSwappedAndChainRecomputed_RefusedUnsealable()
    {
        var (grain, terms) = await OpenAsync("tampered-seal");
        await grain.SubmitOfferAsync(TenderData.Offer("acme", 1_000m));
        Journal.Rewrite(terms.TenderId, entries =>
        {
            var offer = (OfferSubmitted)TenderJournalCodec.Decode(entries[1]);
            var altered = Convert.FromBase64String(offer.Sealed);
            altered[10] ^= 0x01;
            var forged = offer with { Sealed = Convert.ToBase64String(altered), SealedHash = SealedOfferCodec.HashOf(altered) };
            return [entries[0], TenderJournalCodec.Encode(terms.TenderId, forged, entries[0].Hash)];
        });

        await fixture.Cluster.DeactivateAsync(grain);
        fixture.Clock.Advance(terms.SubmissionDeadline - fixture.Now);
        var result = await grain.OpenOffersAsync("officer1");

        Assert.Equal(TenderRefusalCodes.Unsealable, result.Code);
        Assert.DoesNotContain(Journal.EntriesOf(terms.TenderId), e => e.Type == OffersOpened.TypeName);
        Assert.Equal(TenderPhase.AwaitingOpening, (await grain.GetStatusAsync(Viewer.Officer))!.Phase);
    }

    private async Task<(ITenderGrain Grain, TenderTerms Terms)> OpenAsync(string hint, string[]? invited = null)
    {
        var terms = TenderData.Terms(fixture.NewProcedureId(hint), fixture.Now.AddDays(7), invited ?? []);
        var grain = fixture.Tender(terms.TenderId);
        var result = await grain.OpenForOffersAsync(terms, "officer1");
        Assert.True(result.IsAccepted, result.Message);
        return (grain, TenderRules.Normalize(terms));
    }

    private async Task<TenderOpening> OpenAfterDeadlineAsync(ITenderGrain grain, TenderTerms terms)
    {
        if (fixture.Now < terms.SubmissionDeadline)
        {
            fixture.Clock.Advance(terms.SubmissionDeadline - fixture.Now);
        }

        var result = await grain.OpenOffersAsync("officer1");
        Assert.True(result.IsAccepted, result.Message);
        return result.Opening!;
    }
}
