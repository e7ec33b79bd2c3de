using System.Globalization;
using System.Text.RegularExpressions;

namespace CompraNet.ProcurementPortal.Web;

/// <summary>
/// The services word their refusals and warnings in English (they are the API's problem details too); the pages show
/// them in the reader's language. A known message is recognised by its pattern and shown with its key's text, the
/// variable parts (amounts, counts, years, ids) carried over as {0}, {1}…; a message not listed here is shown as the
/// service wrote it, so a reworded rule still reads, in English, until it is listed.
/// </summary>
public static class ServiceMessages
{
    private static readonly (Regex Pattern, string Key)[] Known =
    [
        (Exact("Required."), "form.required"),
        (Exact("Choose a line of your unit's published annual plan."), "rule.planLine"),
        (Exact("Choose your unit's published annual plan."), "rule.planId"),
        (Pattern(@"Type must be one of: .*\."), "rule.type"),
        (Pattern(@"At most (\d+) characters\."), "rule.maxLength"),
        (Pattern(@"At most (\d+) items\."), "rule.maxItems"),
        (Exact("Category must be goods, services or works."), "rule.category"),
        (Exact("Give the estimated amount: more than zero, at most two decimals."), "rule.amount"),
        (Pattern(@"The plan line has (.+) ([A-Z]{3}) available; the procedure cannot commit more\."), "rule.lineAvailable"),
        (Exact("Each lot needs its own id (letters, digits, '-', up to 20)."), "rule.lotId"),
        (Exact("Give the lot's estimated amount: more than zero, at most two decimals."), "rule.lotAmount"),
        (Exact("The lots' estimated amounts add up to more than the procedure's."), "rule.lotsTotal"),
        (Exact("Each item needs its own id (letters, digits, '-', up to 20)."), "rule.itemId"),
        (Exact("The CUCOP code is 5 to 10 digits."), "rule.cucop"),
        (Exact("The quantity must be more than zero."), "rule.quantity"),
        (Exact("Put the item in one of the procedure's lots."), "rule.itemLot"),
        (Exact("There are no lots to put the item in."), "rule.noLots"),
        (Pattern(@"Lot (.*) has no items\."), "rule.emptyLot"),
        (Exact("A restricted invitation invites at least three different suppliers."), "rule.restrictedThree"),
        (Exact("A direct award names exactly one supplier."), "rule.directOne"),
        (Exact("An open tender is open to every supplier: it invites no one in particular."), "rule.openNoInvites"),
        (Exact("A supplier is listed twice."), "rule.supplierTwice"),
        (Exact("Every invited supplier must be in the supplier registry."), "rule.supplierUnknown"),
        (Exact("Name the legal ground for not holding an open tender."), "rule.groundMissing"),
        (Pattern(@"Write the justification \(at least (\d+) characters\)\."), "rule.justification"),
        (Exact("An open tender needs no legal ground for an exception."), "rule.groundOpen"),
        (Exact("A direct award has one supplier: there is no auction."), "rule.directAuction"),
        (Exact("The auction lasts 10 to 240 minutes."), "rule.auctionDuration"),
        (Exact("The minimum decrement is 0.1% to 10% (at most two decimals)."), "rule.auctionStep"),
        (Exact("The soft close window and extension are both 0 (none) or both 1 to 30 minutes."), "rule.softClose"),
        (Exact("Add at least one item before publishing."), "rule.publishItems"),
        (Exact("Set the timetable before publishing."), "rule.publishTimetable"),
        (Exact("The clarification meeting must be after publication and before the submission deadline."), "rule.meeting"),
        (Pattern(@"Suppliers must have at least (\d+) day\(s\) to submit offers for this type of procedure\."), "rule.minimumDays"),
        (Exact("The opening cannot be before the submission deadline."), "rule.opening"),
        (Exact("The award must be after the opening."), "rule.award"),
        (Exact("Only a draft can be edited; a published call changes through amendments."), "procedure.notDraft"),
        (Exact("The call is published already."), "rule.publishedAlready"),
        (Pattern(@"A procedure that is (\w+) cannot be cancelled\."), "rule.notCancellable"),
        (Exact("Give the reason for the cancellation (10 to 2000 characters)."), "rule.cancelReason"),
        (Exact("Someone changed this procedure meanwhile: reload it and try again."), "rule.concurrent"),
        (Exact("This procedure belongs to another unit."), "rule.otherUnitProcedure"),
        (Exact("This plan belongs to another unit."), "rule.otherUnitPlan"),
        (Exact("Only an official of a buying unit may do this."), "rule.officialOnly"),
        (Exact("Your unit is not registered."), "rule.unitUnknown"),
        (Pattern(@"Non-open procedures \(restricted invitations and direct awards\) now commit (.+)% of the unit's (\d+) plan, over its (\d+)% cap\."), "rule.nonOpenCap"),
        (Pattern(@"Plans are drafted for (\d+) to (\d+)\."), "rule.planYears"),
        (Pattern(@"Your unit already has a plan for (\d+)\."), "rule.planExists"),
        (Pattern(@"The plan (?:is|was) published(?: meanwhile)?: its lines no longer change\."), "rule.planPublished"),
        (Exact("The plan is published already."), "rule.planPublishedAlready"),
        (Exact("Add at least one planned purchase before publishing."), "rule.planEmpty"),
        (Exact("The budget line (partida) is 5 digits, e.g. 25301."), "rule.budgetKey"),
        (Exact("Describe the purchase (up to 1000 characters)."), "rule.planDescription"),
        (Exact("The currency is a three-letter ISO 4217 code, e.g. MXN."), "rule.currency"),
        (Pattern(@"The planned procedure is one of: .*\."), "rule.plannedMethod"),
        (Pattern(@"The planned start is a date in (\d+)\."), "rule.plannedStart"),
        (Pattern(@"Write the answer \(2 to (\d+) characters\)\."), "rule.answer"),
        (Pattern(@"Question (\d+) does not exist or is answered already\."), "rule.notAnswerable"),
        (Exact("The call is not taking questions."), "rule.notTakingQuestions"),
        (Pattern(@"Write the question \(5 to (\d+) characters\)\."), "rule.question"),
        (Exact("Questions closed at the clarification meeting."), "rule.questionsClosed"),
        (Exact("Only the invited suppliers ask questions about this call."), "rule.invitedAsk"),
        (Exact("Only suppliers ask questions about a call."), "rule.suppliersAsk"),
        (Exact("Give the offer a fresh UUID (re-sending the same one is safe)."), "rule.offerId"),
        (Pattern(@"Give one unit price for item (.+) \(more than zero, at most four decimals\)\."), "rule.offerPrice"),
        (Pattern(@"Item (.+) is not in the call\."), "rule.offerItem"),
        (Pattern(@"The items add up to ([0-9.]+), not ([0-9.]+)\."), "rule.offerTotal"),
        (Exact("The total must be more than zero and at most 10^15."), "rule.offerTotalRange"),
        (Exact("At most 20,000 characters."), "rule.offerProposal"),
        (Exact("At most 20 documents."), "rule.offerDocuments"),
        (Exact("Each document has a name (up to 200 characters) and the SHA-256 of its bytes (64 hex digits)."), "rule.offerDocument"),
        (Exact("Only suppliers submit offers."), "rule.suppliersOffer"),
        (Exact("This call is not taking offers."), "rule.notTakingOffers"),
        (Exact("Only the invited suppliers submit offers to this call."), "rule.invitedOffer"),
        (Exact("Register in the supplier registry before submitting offers."), "rule.registerFirst"),
        (Exact("The supplier is debarred (sanctioned) and cannot submit offers."), "rule.debarred"),
        (Exact("The tender could not be reached or stored; nothing was recorded. Try again."), "rule.tenderUnavailable"),
        (Pattern(@"Procedure (.+) has not called for offers\."), "rule.noCallForOffers"),
        (Pattern(@"Offers are opened once, on a published call; this one is (\w+)\."), "rule.openedOnce"),
        (Exact("The submission deadline has passed; nothing was recorded."), "rule.deadlinePassed"),
        (Exact("The submission deadline has passed: offers can no longer be withdrawn."), "rule.withdrawLate"),
        (Exact("This tender is by invitation and you are not invited."), "rule.notInvitedTender"),
        (Exact("You have no offer with this offerId in this tender."), "rule.noOffer"),
        (Exact("This offer was replaced by a later one, which is the one that counts; withdraw that one."), "rule.replacedOffer"),
        (Exact("The offers stay sealed until the submission deadline."), "rule.sealedUntilDeadline"),
        (Exact("No tender is open for offers under this id."), "rule.noTender"),
        (Exact("The market research is recorded before the opening."), "rule.researchClosed"),
        (Exact("Record 1 to 20 quotes."), "rule.quotesCount"),
        (Exact("Name the source (up to 300 characters)."), "rule.quoteSource"),
        (Exact("Give the quoted amount: more than zero, at most two decimals."), "rule.quoteAmount"),
        (Exact("The quote's date is within the last year."), "rule.quoteDate"),
        (Exact("Offers are evaluated once, after the opening."), "rule.evaluatedOnce"),
        (Exact("The auction starts between now and 30 days from now."), "rule.auctionStart"),
        (Exact("Evaluate each opened offer once, by its supplier."), "rule.evaluateEach"),
        (Exact("Say whether the offer is admissible."), "rule.sayAdmissible"),
        (Pattern(@"Give the reasons an offer is not admissible \(at least (\d+) characters\)\."), "rule.notAdmissibleReasons"),
        (Pattern(@"The offer of (.+) has no evaluation\."), "rule.notEvaluated"),
        (Pattern(@"The price is flagged \((.+)\): decide whether to accept it and record why \(at least (\d+) characters\)\."), "rule.priceFlagged"),
        (Exact("The auction has not closed yet."), "rule.auctionNotClosed"),
        (Exact("A procedure is awarded once evaluated (and after its auction)."), "rule.awardNotReady"),
        (Exact("Award to a bidder in the ranking."), "rule.awardRanked"),
        (Pattern(@"Awarding to a bidder other than the first needs a justification \(at least (\d+) characters\)\."), "rule.awardJustification"),
        (Exact("A contract is drawn up from an awarded procedure."), "rule.contractNotAwarded"),
        (Pattern(@"The procedure already has its contract (.+)\."), "rule.contractExists"),
        (Exact("Give the start date: on or after the award's date."), "rule.contractStart"),
        (Exact("Give the end date: on or after the start date, within ten years."), "rule.contractEnd"),
        (Pattern(@"The guarantee is one of: (.*)\."), "rule.guaranteeType"),
        (Exact("The performance guarantee is between zero and the contract's value, with at most two decimals."), "rule.performanceAmount"),
        (Exact("The advance payment guarantee is more than zero and at most the contract's value, with at most two decimals."), "rule.advanceAmount"),
        (Exact("Give the SHA-256 (64 hexadecimal characters) of the contract text you read."), "rule.sha256"),
        (Pattern(@"Version (\d+) is already signed by both parties\."), "rule.nothingToSign"),
        (Pattern(@"That is not the text of the current version \((\d+), SHA-256 ([0-9a-fA-F]+)\): read it and sign again\."), "rule.staleVersion"),
        (Pattern(@"The (buyer|supplier) already signed version (\d+)\."), "rule.alreadySigned"),
        (Exact("This contract belongs to another unit."), "rule.otherUnitContract"),
        (Exact("Only the awarded supplier signs this contract."), "rule.awardedSupplierSigns"),
        (Exact("Only the unit's officials and the awarded supplier sign a contract."), "rule.partiesSign"),
        (Exact("Only the contracting unit's officials amend a contract."), "rule.unitAmends"),
        (Exact("A contract is amended once both parties have signed it."), "rule.contractNotActive"),
        (Pattern(@"Version (\d+) is waiting for signatures: sign it first\."), "rule.amendmentPending"),
        (Pattern(@"Give the reason for the amendment \(at least (\d+) characters\)\."), "rule.amendmentReason"),
        (Exact("The new value is more than zero, with at most two decimals."), "rule.amendmentValue"),
        (Exact("The new end date is on or after the start date."), "rule.amendmentEnd"),
        (Pattern(@"The exception to the 20% limit needs a justification \(at least (\d+) characters\)\."), "rule.exceptionJustification"),
        (Exact("Change the value or the end date."), "rule.amendmentNoChange"),
        (Pattern(@"Amendments together may raise the original value \(([0-9.]+)\) by at most (\d+)% \(to ([0-9.]+)\); beyond it, invoke the law's exception with a justification\."), "rule.amendmentValueLimit"),
        (Pattern(@"Amendments together may lengthen the original period \((\d+) days\) by at most (\d+)% \((\d+) days in all\); beyond it, invoke the law's exception with a justification\."), "rule.amendmentPeriodLimit"),
        (Exact("Someone changed this contract meanwhile: reload it and try again."), "rule.contractConcurrent"),
    ];

    public static string Localize(string message, PortalText text)
    {
        foreach (var (pattern, key) in Known)
        {
            if (pattern.Match(message) is { Success: true } match)
            {
                return string.Format(CultureInfo.InvariantCulture, text[key], [.. match.Groups.Cast<Group>().Skip(1).Select(g => (object)g.Value)]);
            }
        }

        return message;
    }

    private static Regex Exact(string message) => Pattern(Regex.Escape(message));

    private static Regex Pattern(string pattern) => new($"^{pattern}$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
}
