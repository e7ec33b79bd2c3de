using System.Globalization;
using System.Text.RegularExpressions;
using CompraNet.ProcurementPortal.Features.Plans;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Web;

namespace CompraNet.ProcurementPortal.Pages.Oficial.Procedimientos;

/// <summary>
/// The procedure form as typed: every value is text, so a refused form comes back exactly as it was sent. It turns
/// into a <see cref="ProcedureRequest"/>, noting what it cannot read (a number that is not one, a date in the past)
/// under the same field paths the services use (<c>items[2].quantity</c>, <c>timetable.submissionDeadline</c>).
/// </summary>
public sealed partial class ProcedureForm
{
    /// <summary>The plan line the procedure starts from: <c>{planId}#{lineNo}</c>.</summary>
    public string? PlanLine { get; set; }

    public string? Type { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Category { get; set; }

    public string? EstimatedAmount { get; set; }

    public List<ProcedureFormItem> Items { get; set; } = [];

    public List<ProcedureFormLot> Lots { get; set; } = [];

    public string? ClarificationMeeting { get; set; }

    public string? SubmissionDeadline { get; set; }

    public string? Opening { get; set; }

    public string? Award { get; set; }

    public bool HasAuction { get; set; }

    public string? AuctionMinutes { get; set; } = "30";

    public string? AuctionMinStep { get; set; } = "0.5";

    public string? SoftCloseWindow { get; set; } = "2";

    public string? SoftCloseExtension { get; set; } = "2";

    public List<string> InvitedSuppliers { get; set; } = [];

    public string? LegalGround { get; set; }

    public string? Justification { get; set; }

    public static string LineKey(string planId, int lineNo) => string.Create(CultureInfo.InvariantCulture, $"{planId}#{lineNo}");

    /// <summary>A new procedure from a plan line: its planned type, description, CUCOP and what it has available.</summary>
    public static ProcedureForm ForLine(AnnualPlan plan, PlanLine line) => new()
    {
        PlanLine = LineKey(plan.Id, line.LineNo),
        Type = line.PlannedMethod,
        Title = line.Description,
        EstimatedAmount = FormValues.Number(line.Available),
        Items = [new ProcedureFormItem { Id = "1", Cucop = line.Cucop }],
    };

    public static ProcedureForm Of(Procedure procedure) => new()
    {
        PlanLine = LineKey(procedure.PlanId, procedure.PlanLineNo),
        Type = procedure.Type,
        Title = procedure.Title,
        Description = procedure.Description,
        Category = procedure.Category,
        EstimatedAmount = FormValues.Number(procedure.EstimatedAmount),
        Items = [.. procedure.Items.Select(i => new ProcedureFormItem
        {
            Id = i.Id, Description = i.Description, Cucop = i.Cucop, Quantity = FormValues.Number(i.Quantity), Unit = i.Unit, LotId = i.LotId,
        })],
        Lots = [.. procedure.Lots.Select(l => new ProcedureFormLot { Id = l.Id, Title = l.Title, EstimatedAmount = FormValues.Number(l.EstimatedAmount) })],
        ClarificationMeeting = FormValues.Utc(procedure.Timetable?.ClarificationMeeting),
        SubmissionDeadline = FormValues.Utc(procedure.Timetable?.SubmissionDeadline),
        Opening = FormValues.Utc(procedure.Timetable?.Opening),
        Award = FormValues.Utc(procedure.Timetable?.Award),
        HasAuction = procedure.Auction is not null,
        AuctionMinutes = procedure.Auction is { } a ? a.DurationMinutes.ToString(CultureInfo.InvariantCulture) : "30",
        AuctionMinStep = procedure.Auction is { } b ? FormValues.Number(b.MinStepPercent) : "0.5",
        SoftCloseWindow = procedure.Auction is { } c ? c.SoftCloseWindowMinutes.ToString(CultureInfo.InvariantCulture) : "2",
        SoftCloseExtension = procedure.Auction is { } d ? d.SoftCloseExtensionMinutes.ToString(CultureInfo.InvariantCulture) : "2",
        InvitedSuppliers = [.. procedure.InvitedSuppliers],
        LegalGround = procedure.LegalGround,
        Justification = procedure.Justification,
    };

    /// <summary>Drops the rows left empty (an "add row" not filled in), so the rows' numbers match what is saved.</summary>
    public void DropBlankRows()
    {
        Items.RemoveAll(i => i.IsBlank);
        Lots.RemoveAll(l => l.IsBlank);
    }

    /// <summary>The request for the services; what cannot be read goes to <paramref name="errors"/> by field path.</summary>
    public ProcedureRequest ToRequest(IDictionary<string, string> errors, DateTimeOffset now, PortalText text)
    {
        string? planId = null;
        int? lineNo = null;
        if (PlanLine is { Length: > 0 } key && key.LastIndexOf('#') is var hash and > 0
            && int.TryParse(key.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var no))
        {
            planId = key[..hash];
            lineNo = no;
        }

        return new ProcedureRequest
        {
            PlanId = planId,
            PlanLineNo = lineNo,
            Type = Blank(Type),
            Title = Blank(Title)?.Trim(),
            Description = Blank(Description)?.Trim(),
            Category = Blank(Category),
            EstimatedAmount = Decimal(errors, "estimatedAmount", EstimatedAmount, text),
            Items = [.. Items.Select((item, i) => new ProcedureItem(item.Id?.Trim() ?? "", item.Description ?? "", item.Cucop?.Trim() ?? "",
                Decimal(errors, $"items[{i}].quantity", item.Quantity, text, required: true) ?? 0m, item.Unit ?? "", Blank(item.LotId)?.Trim()))],
            Lots = [.. Lots.Select((lot, i) => new ProcedureLot(lot.Id?.Trim() ?? "", lot.Title ?? "",
                Decimal(errors, $"lots[{i}].estimatedAmount", lot.EstimatedAmount, text, required: true) ?? 0m))],
            Timetable = Timetable(errors, now, text),
            Auction = HasAuction ? Auction(errors, text) : null,
            InvitedSuppliers = [.. InvitedSuppliers.Where(s => !string.IsNullOrWhiteSpace(s))],
            LegalGround = Blank(LegalGround),
            Justification = Blank(Justification),
        };
    }

    /// <summary>A field path as a person reads it: <c>items[2].cucop</c> → "Bien 3 · CUCOP".</summary>
    public static string Label(string key, PortalText text)
    {
        if (RowKey().Match(key) is { Success: true } row)
        {
            var table = row.Groups[1].Value;
            var number = int.Parse(row.Groups[2].Value, CultureInfo.InvariantCulture) + 1;
            var label = $"{text["form." + table + "Row"]} {number}";
            return row.Groups[3].Success ? $"{label} · {text[$"field.{table}.{row.Groups[3].Value}"]}" : label;
        }

        return text["field." + key];
    }

    private ProcedureTimetable? Timetable(IDictionary<string, string> errors, DateTimeOffset now, PortalText text)
    {
        if (new[] { ClarificationMeeting, SubmissionDeadline, Opening, Award }.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }

        var meeting = Time(errors, "timetable.clarificationMeeting", ClarificationMeeting, now, text, required: false);
        var deadline = Time(errors, "timetable.submissionDeadline", SubmissionDeadline, now, text, required: true);
        var opening = Time(errors, "timetable.opening", Opening, now, text, required: true);
        var award = Time(errors, "timetable.award", Award, now, text, required: true);
        return deadline is { } d && opening is { } o && award is { } a ? new ProcedureTimetable(meeting, d, o, a) : null;
    }

    private AuctionPlan Auction(IDictionary<string, string> errors, PortalText text)
    {
        if (!FormValues.TryInt(AuctionMinutes, out var minutes) || minutes is null)
        {
            errors["auction.durationMinutes"] = text["form.badWholeNumber"];
        }

        var step = Decimal(errors, "auction.minStepPercent", AuctionMinStep, text, required: true);
        var windowRead = FormValues.TryInt(SoftCloseWindow, out var window);
        if (!FormValues.TryInt(SoftCloseExtension, out var extension) || !windowRead)
        {
            errors["auction.softClose"] = text["form.badWholeNumber"];
        }

        return new AuctionPlan(minutes ?? 0, step ?? 0m, window ?? 0, extension ?? 0);
    }

    private static decimal? Decimal(IDictionary<string, string> errors, string field, string? value, PortalText text, bool required = false)
    {
        if (!FormValues.TryDecimal(value, out var parsed))
        {
            errors[field] = text["form.badNumber"];
        }
        else if (parsed is null && required)
        {
            errors[field] = text["form.required"];
        }

        return parsed;
    }

    private static DateTimeOffset? Time(IDictionary<string, string> errors, string field, string? value, DateTimeOffset now, PortalText text, bool required)
    {
        if (!FormValues.TryUtc(value, out var parsed))
        {
            errors[field] = text["form.badDate"];
        }
        else if (parsed is null && required)
        {
            errors[field] = text["form.required"];
        }
        else if (parsed <= now)
        {
            // A draft's dates can only be published in the future; saying so now spares a round trip at publication.
            errors[field] = text["form.pastDate"];
        }

        return parsed;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [GeneratedRegex(@"^(items|lots)\[(\d+)\](?:\.(\w+))?$")]
    private static partial Regex RowKey();
}
