using System.Text.RegularExpressions;
using CompraNet.AuctionGrains.Validation;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Plans;

namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>
/// The rules a procedure's content must meet, pure: they take values (the request, the plan line, the time) and
/// return the broken rules by field. A draft must be complete and consistent; publishing also checks the dates
/// against the clock and the minimum periods.
/// </summary>
public static partial class ProcedureRules
{
    public const int MaxTitle = 300;
    public const int MaxDescription = 5000;
    public const int MinJustification = 30;
    public const int MaxItems = 500;

    public static readonly IReadOnlyList<string> Categories = ["goods", "services", "works"];

    /// <summary>Checks a draft's content. <paramref name="available"/>: what the plan line has left for this procedure.</summary>
    public static Dictionary<string, string[]> Check(ProcedureRequest request, PlanLine? line, decimal available, int knownSuppliers)
    {
        var errors = new FieldErrors();
        if (line is null)
        {
            errors.Add("planLineNo", "Choose a line of your unit's published annual plan.");
        }

        if (!ProcedureType.IsValid(request.Type))
        {
            errors.Add("type", $"Type must be one of: {string.Join(", ", ProcedureType.All)}.");
        }

        Text(errors, "title", request.Title, MaxTitle);
        Text(errors, "description", request.Description, MaxDescription);
        if (request.Category is null || !Categories.Contains(request.Category))
        {
            errors.Add("category", "Category must be goods, services or works.");
        }

        if (request.EstimatedAmount is not { } amount || !Money.IsValidAmount(amount))
        {
            errors.Add("estimatedAmount", "Give the estimated amount: more than zero, at most two decimals.");
        }
        else if (line is not null && amount > available)
        {
            errors.Add("estimatedAmount", $"The plan line has {available:N2} {line.Currency} available; the procedure cannot commit more.");
        }

        CheckLotsAndItems(errors, request);
        CheckInvitation(errors, request, knownSuppliers);
        CheckAuction(errors, request);
        return errors.ToDictionary();
    }

    /// <summary>The checks that apply when the call goes public: dates in order, in the future, and the minimum period for offers.</summary>
    public static Dictionary<string, string[]> CheckPublication(Procedure procedure, DateTimeOffset now, int minimumSubmissionDays)
    {
        var errors = new FieldErrors();
        if (procedure.Items.IsDefaultOrEmpty)
        {
            errors.Add("items", "Add at least one item before publishing.");
        }

        if (procedure.Timetable is not { } t)
        {
            errors.Add("timetable", "Set the timetable before publishing.");
            return errors.ToDictionary();
        }

        if (t.ClarificationMeeting is { } meeting && (meeting <= now || meeting >= t.SubmissionDeadline))
        {
            errors.Add("timetable.clarificationMeeting", "The clarification meeting must be after publication and before the submission deadline.");
        }

        if (t.SubmissionDeadline < now.AddDays(minimumSubmissionDays))
        {
            errors.Add("timetable.submissionDeadline", $"Suppliers must have at least {minimumSubmissionDays} day(s) to submit offers for this type of procedure.");
        }

        if (t.Opening < t.SubmissionDeadline)
        {
            errors.Add("timetable.opening", "The opening cannot be before the submission deadline.");
        }

        if (t.Award <= t.Opening)
        {
            errors.Add("timetable.award", "The award must be after the opening.");
        }

        return errors.ToDictionary();
    }

    private static void CheckLotsAndItems(FieldErrors errors, ProcedureRequest request)
    {
        var lots = request.Lots ?? [];
        var items = request.Items ?? [];
        if (items.Count > MaxItems)
        {
            errors.Add("items", $"At most {MaxItems} items.");
        }

        var lotIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lots.Count; i++)
        {
            var lot = lots[i];
            if (string.IsNullOrWhiteSpace(lot.Id) || !IdPattern().IsMatch(lot.Id) || !lotIds.Add(lot.Id))
            {
                errors.Add($"lots[{i}].id", "Each lot needs its own id (letters, digits, '-', up to 20).");
            }

            Text(errors, $"lots[{i}].title", lot.Title, MaxTitle);
            if (!Money.IsValidAmount(lot.EstimatedAmount))
            {
                errors.Add($"lots[{i}].estimatedAmount", "Give the lot's estimated amount: more than zero, at most two decimals.");
            }
        }

        if (lots.Count > 0 && request.EstimatedAmount is { } total && lots.Sum(l => l.EstimatedAmount) > total)
        {
            errors.Add("lots", "The lots' estimated amounts add up to more than the procedure's.");
        }

        var itemIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (string.IsNullOrWhiteSpace(item.Id) || !IdPattern().IsMatch(item.Id) || !itemIds.Add(item.Id))
            {
                errors.Add($"items[{i}].id", "Each item needs its own id (letters, digits, '-', up to 20).");
            }

            Text(errors, $"items[{i}].description", item.Description, 1000);
            if (item.Cucop is null || !CucopPattern().IsMatch(item.Cucop))
            {
                errors.Add($"items[{i}].cucop", "The CUCOP code is 5 to 10 digits.");
            }

            if (item.Quantity <= 0 || item.Quantity > 1_000_000_000m)
            {
                errors.Add($"items[{i}].quantity", "The quantity must be more than zero.");
            }

            Text(errors, $"items[{i}].unit", item.Unit, 50);
            if (lots.Count > 0 ? item.LotId is null || !lotIds.Contains(item.LotId) : item.LotId is not null)
            {
                errors.Add($"items[{i}].lotId", lots.Count > 0 ? "Put the item in one of the procedure's lots." : "There are no lots to put the item in.");
            }
        }

        foreach (var (lot, i) in lots.Select((l, i) => (l, i)).Where(x => !items.Any(item => item.LotId == x.l.Id)))
        {
            errors.Add($"lots[{i}]", $"Lot {lot.Id} has no items.");
        }
    }

    private static void CheckInvitation(FieldErrors errors, ProcedureRequest request, int knownSuppliers)
    {
        var invited = request.InvitedSuppliers ?? [];
        var distinct = invited.Distinct(StringComparer.Ordinal).Count();
        switch (request.Type)
        {
            case ProcedureType.Restricted when distinct < 3:
                errors.Add("invitedSuppliers", "A restricted invitation invites at least three different suppliers.");
                break;
            case ProcedureType.Direct when distinct != 1:
                errors.Add("invitedSuppliers", "A direct award names exactly one supplier.");
                break;
            case ProcedureType.OpenNational or ProcedureType.OpenInternational when invited.Count > 0:
                errors.Add("invitedSuppliers", "An open tender is open to every supplier: it invites no one in particular.");
                break;
        }

        if (distinct != invited.Count)
        {
            errors.Add("invitedSuppliers", "A supplier is listed twice.");
        }
        else if (knownSuppliers < distinct)
        {
            errors.Add("invitedSuppliers", "Every invited supplier must be in the supplier registry.");
        }

        if (request.Type is ProcedureType.Restricted or ProcedureType.Direct)
        {
            if (!DirectAwardGrounds.IsValid(request.LegalGround))
            {
                errors.Add("legalGround", "Name the legal ground for not holding an open tender.");
            }

            if (string.IsNullOrWhiteSpace(request.Justification) || request.Justification.Trim().Length < MinJustification)
            {
                errors.Add("justification", $"Write the justification (at least {MinJustification} characters).");
            }
            else if (request.Justification.Length > MaxDescription)
            {
                errors.Add("justification", $"At most {MaxDescription} characters.");
            }
        }
        else if (request.LegalGround is not null)
        {
            errors.Add("legalGround", "An open tender needs no legal ground for an exception.");
        }
    }

    private static void CheckAuction(FieldErrors errors, ProcedureRequest request)
    {
        if (request.Auction is not { } auction)
        {
            return;
        }

        if (request.Type == ProcedureType.Direct)
        {
            errors.Add("auction", "A direct award has one supplier: there is no auction.");
        }

        if (auction.DurationMinutes is < 10 or > 240)
        {
            errors.Add("auction.durationMinutes", "The auction lasts 10 to 240 minutes.");
        }

        if (auction.MinStepPercent is < 0.1m or > 10m || decimal.Round(auction.MinStepPercent, 2) != auction.MinStepPercent)
        {
            errors.Add("auction.minStepPercent", "The minimum decrement is 0.1% to 10% (at most two decimals).");
        }

        if (auction.SoftCloseWindowMinutes is < 0 or > 30 || auction.SoftCloseExtensionMinutes is < 0 or > 30
            || (auction.SoftCloseWindowMinutes == 0) != (auction.SoftCloseExtensionMinutes == 0))
        {
            errors.Add("auction.softClose", "The soft close window and extension are both 0 (none) or both 1 to 30 minutes.");
        }
    }

    private static void Text(FieldErrors errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "Required.");
        }
        else if (value.Length > max)
        {
            errors.Add(field, $"At most {max} characters.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,20}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9]{5,10}$")]
    private static partial Regex CucopPattern();
}
