using CompraNet.AuctionGrains.Tenders;
using CompraNet.ProcurementPortal.Features.Clarifications;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Contracts;
using CompraNet.ProcurementPortal.Features.Documents;
using CompraNet.ProcurementPortal.Features.Evaluation;
using CompraNet.ProcurementPortal.Features.Offers;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Features.Suppliers;
using CompraNet.ProcurementPortal.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompraNet.ProcurementPortal.Pages.Oficial.Procedimientos;

/// <summary>
/// Where the unit's officials run one procedure: publish or edit the draft, record the market research, cancel with a
/// reason, answer the questions, open the offers after the deadline, evaluate them, follow the auction and award;
/// and read the whole timeline (internal steps included) and documents. Another unit's draft is not found here;
/// another unit's published procedure sends the official to its public page.
/// </summary>
public sealed class DetalleModel(
    PortalActors actors, ProcedureService service, ProcedureStore store, SupplierStore suppliers, DocumentStore documents,
    ClarificationService clarifications, OfferService offers, EvaluationService evaluation, ContractService contracts, ContractStore contractStore, TimeProvider time, IConfiguration configuration,
    PortalText text) : PageModel
{
    public Procedure Procedure { get; private set; } = null!;

    public IReadOnlyList<ProcedureEvent> Timeline { get; private set; } = [];

    public IReadOnlyList<PortalDocument> Documents { get; private set; } = [];

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public IReadOnlyList<RegisteredSupplier> Invited { get; private set; } = [];

    /// <summary>The service's warnings about the last save (e.g. the unit's non-open share over its cap).</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    [BindProperty]
    public bool ConfirmPublish { get; set; }

    [BindProperty]
    public string? CancelReason { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    /// <summary>The market research's quotes as typed (on a GET, the recorded ones).</summary>
    [BindProperty]
    public List<QuoteFormRow> Quotes { get; set; } = [];

    [BindProperty]
    public bool ConfirmOpen { get; set; }

    /// <summary>One row per revealed offer, in the opening's order.</summary>
    [BindProperty]
    public List<EvaluationFormRow> Evaluation { get; set; } = [];

    [BindProperty]
    public string? AuctionStartsAt { get; set; }

    [BindProperty]
    public string? AwardSupplier { get; set; }

    [BindProperty]
    public string? AwardJustification { get; set; }

    /// <summary>The contract drawn up from the award, once there is one.</summary>
    public Contract? Contract { get; private set; }

    [BindProperty]
    public ContractForm ContractForm { get; set; } = new();

    public bool TakesContract => Procedure.Status == ProcedureStatus.Awarded && Contract is null;

    /// <summary>Before the opening: how many offers are live (never who or how much).</summary>
    public int? LiveOffers { get; private set; }

    /// <summary>The bidders' legal names, once the offers are revealed.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public EngineLinks Engine => EngineLinks.Of(configuration);

    public DateTimeOffset Now => time.GetUtcNow();

    public bool TakesMarketResearch => Procedure.Status is ProcedureStatus.Draft or ProcedureStatus.Published;

    public bool DeadlinePassed => Procedure.Timetable is { } t && Now >= t.SubmissionDeadline;

    /// <summary>The question whose answer was refused, to show the typed answer back under it.</summary>
    public int? AnsweringNumber { get; private set; }

    public bool IsDraft => Procedure.Status == ProcedureStatus.Draft;

    public bool CanCancel => Procedure.Status is not (ProcedureStatus.Awarded or ProcedureStatus.Cancelled);

    public bool TakesAnswers => Procedure.Status is not (ProcedureStatus.Draft or ProcedureStatus.Cancelled);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Warnings = TempData["Warnings"] as string[] ?? [];
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public Task<IActionResult> OnPostPublishAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, "publish", async actor =>
        {
            if (!ConfirmPublish)
            {
                throw PortalValidationException.Of("confirm", text["procedure.confirmMissing"]);
            }

            var outcome = await service.PublishAsync(actor, id, cancellationToken);
            TempData["Warnings"] = outcome.Warnings.ToArray();
            return text["procedure.publishedNotice"];
        }, cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, "cancel", async actor =>
        {
            await service.CancelAsync(actor, id, CancelReason, cancellationToken);
            return text["procedure.cancelledNotice"];
        }, cancellationToken);

    public Task<IActionResult> OnPostAnswerAsync(string id, int number, CancellationToken cancellationToken)
    {
        AnsweringNumber = number;
        return ActAsync(id, $"answer-{number}", async actor =>
        {
            var question = await clarifications.AnswerAsync(actor, id, number, Answer, cancellationToken);
            return text.Format("question.answered", question.Number);
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostResearchAsync(string id, string? addQuote, int? removeQuote, CancellationToken cancellationToken)
    {
        if (addQuote is not null || removeQuote is not null)
        {
            return EditQuotesAsync(id, addQuote is not null, removeQuote, cancellationToken);
        }

        Quotes.RemoveAll(q => q.IsBlank);
        return ActAsync(id, "research", async actor =>
        {
            var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
            var request = new MarketResearchRequest([.. Quotes.Select((q, i) => new QuoteRequest(q.Source?.Trim(), Amount(unreadable, $"quotes[{i}].amount", q.Amount), Day(unreadable, $"quotes[{i}].date", q.Date)))]);
            try
            {
                var recorded = await evaluation.RecordMarketResearchAsync(actor, id, request, cancellationToken);
                return text.Format("research.recordedNotice", text.Money(recorded.MarketResearch!.ReferencePrice, recorded.Currency));
            }
            catch (PortalValidationException ex) when (unreadable.Count > 0)
            {
                // What could not be read went as missing; say what was wrong with it instead.
                throw new PortalValidationException(ex.Errors.Where(e => !unreadable.ContainsKey(e.Key))
                    .Concat(unreadable.Select(e => KeyValuePair.Create(e.Key, new[] { text[e.Value] }))).ToDictionary());
            }
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostOpenAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, "open", async actor =>
        {
            if (!ConfirmOpen)
            {
                throw PortalValidationException.Of("confirm", text["opening.confirmMissing"]);
            }

            var opened = await offers.OpenAsync(actor, id, cancellationToken);
            return text.Format("opening.openedNotice", opened.Opening!.Offers.Length);
        }, cancellationToken);

    public Task<IActionResult> OnPostEvaluateAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, "evaluate", async actor =>
        {
            if (!FormValues.TryUtc(AuctionStartsAt, out var startsAt))
            {
                throw PortalValidationException.Of("auctionStartsAt", text["form.badDate"]);
            }

            var request = new EvaluationRequest(
                [.. Evaluation.Select(r => new OfferEvaluationRequest(r.SupplierId, EvaluationFormRow.Choice(r.Admissible), r.Reasons, EvaluationFormRow.Choice(r.AcceptPrice), r.PriceDecision))],
                startsAt);
            var evaluated = await evaluation.EvaluateAsync(actor, id, request, cancellationToken);
            return text["evaluation.status." + evaluated.Status];
        }, cancellationToken);

    public Task<IActionResult> OnPostAwardAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, "award", async actor =>
        {
            var awarded = await evaluation.AwardAsync(actor, id, new AwardRequest(AwardSupplier, AwardJustification), cancellationToken);
            return text.Format("award.awardedNotice", Names.GetValueOrDefault(awarded.Award!.SupplierId, awarded.Award.SupplierId), text.Money(awarded.Award.Amount, awarded.Currency));
        }, cancellationToken);

    public Task<IActionResult> OnPostContractAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, "contract", async actor =>
        {
            var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
            var form = ContractForm;
            var advance = string.IsNullOrWhiteSpace(form.AdvanceType) && string.IsNullOrWhiteSpace(form.AdvanceAmount)
                ? null
                : new GuaranteeRequest(form.AdvanceType?.Trim(), Amount(unreadable, "advancePaymentGuarantee.amount", form.AdvanceAmount));
            var request = new CreateContractRequest(
                Day(unreadable, "startDate", form.StartDate), Day(unreadable, "endDate", form.EndDate),
                new GuaranteeRequest(form.PerformanceType?.Trim(), Amount(unreadable, "performanceGuarantee.amount", form.PerformanceAmount)), advance,
                Amount(unreadable, "penaltyPercentPerDay", form.PenaltyPercentPerDay), Amount(unreadable, "advancePercent", form.AdvancePercent));
            if (unreadable.Count > 0)
            {
                throw new PortalValidationException(unreadable.ToDictionary(e => e.Key, e => new[] { text[e.Value] }));
            }

            var contract = await contracts.CreateAsync(actor, id, request, cancellationToken);
            _next = $"/oficial/contratos/{Uri.EscapeDataString(contract.Id)}";
            return text.Format("contract.draftedNotice", contract.Id);
        }, cancellationToken);

    /// <summary>The price flags an offer would get, with the average of the offers marked admissible (of all of them before any is marked), as the service computes them.</summary>
    public IReadOnlyList<string> FlagsOf(OpenedOffer offer)
    {
        var chosen = Procedure.Opening!.Offers.Where(o => Evaluation.Any(r => r.SupplierId == o.SupplierId && r.Admissible == "true")).ToArray();
        var basis = chosen.Length > 0 || Evaluation.Any(r => r.Admissible is "true" or "false") ? chosen : [.. Procedure.Opening.Offers];
        var average = basis.Length == 0 ? 0m : basis.Average(o => o.Total);
        return PriceFlags.Of(offer.Total, Procedure.EstimatedAmount, Procedure.MarketResearch?.ReferencePrice, average);
    }

    public string NameOf(string supplierId) => Names.GetValueOrDefault(supplierId, supplierId);

    /// <summary>The key a refused action's errors are shown under (a validation error's own field, or the action's).</summary>
    public static string ErrorKey(string action, string field) => field is "reason" or "answer" or "confirm" || action is "award" or "contract" ? $"{action}.{field}" : field;

    /// <summary>Where a successful action goes when not back to this page (a drawn-up contract, to its own page).</summary>
    private string? _next;

    private static decimal? Amount(Dictionary<string, string> unreadable, string key, string? value)
    {
        if (!FormValues.TryDecimal(value, out var amount))
        {
            unreadable[key] = "form.badNumber";
        }

        return amount;
    }

    private static DateOnly? Day(Dictionary<string, string> unreadable, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return day;
        }

        unreadable[key] = "form.badDay";
        return null;
    }

    private async Task<IActionResult> EditQuotesAsync(string id, bool add, int? remove, CancellationToken cancellationToken)
    {
        var typed = Quotes;
        if (await LoadAsync(id, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        Quotes = typed;
        if (remove is { } row && row >= 0 && row < Quotes.Count)
        {
            Quotes.RemoveAt(row);
        }

        if (add && Quotes.Count < 20)
        {
            Quotes.Add(new QuoteFormRow());
        }

        if (Quotes.Count == 0)
        {
            Quotes.Add(new QuoteFormRow());
        }

        return Page();
    }

    /// <summary>Runs one action through the services as the signed-in official; on success back to this page, else this page with the errors (400).</summary>
    private async Task<IActionResult> ActAsync(string id, string action, Func<PortalActor, Task<string>> act, CancellationToken cancellationToken)
    {
        var (typedQuotes, typedEvaluation) = (Quotes, Evaluation);
        if (await LoadAsync(id, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        // A refused form comes back as it was typed; the other forms show what is recorded.
        if (action == "research")
        {
            Quotes = typedQuotes;
        }

        if (action == "evaluate")
        {
            Evaluation = [.. Procedure.Opening?.Offers.Select(o => typedEvaluation.FirstOrDefault(r => r.SupplierId == o.SupplierId) ?? new EvaluationFormRow { SupplierId = o.SupplierId }) ?? []];
        }

        try
        {
            TempData["Notice"] = await act(await actors.RequireAsync(User, cancellationToken));
            return Redirect(_next ?? $"/oficial/procedimientos/{Uri.EscapeDataString(id)}");
        }
        catch (PortalValidationException ex)
        {
            ModelState.AddErrors(ex.Errors.ToDictionary(e => ErrorKey(action, e.Key), e => e.Value), text);
        }
        catch (Exception ex) when (ex is PortalForbiddenException or PortalConflictException or PortalNotFoundException or PortalUnavailableException)
        {
            ModelState.AddModelError(action, ServiceMessages.Localize(ex.Message, text));
        }

        if (Quotes.Count == 0)
        {
            Quotes.Add(new QuoteFormRow());
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Loads the procedure for its unit's official; otherwise where to go instead.</summary>
    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var actor = await actors.RequireAsync(User, cancellationToken);
        try
        {
            Procedure = await service.GetAsync(actor, id, cancellationToken);
        }
        catch (PortalNotFoundException)
        {
            return NotFound();
        }

        if (!actor.ActsFor(Procedure.UnitId))
        {
            return Redirect($"/procedimientos/{Uri.EscapeDataString(id)}");
        }

        Timeline = await store.EventsAsync(id, includeInternal: true, cancellationToken);
        Documents = await documents.ListAsync("procedure", id, includeInternal: true, cancellationToken);
        Questions = await clarifications.ListAsync(actor, id, cancellationToken);
        Invited = await suppliers.FindManyAsync(Procedure.InvitedSuppliers, cancellationToken);
        Quotes = [.. Procedure.MarketResearch?.Quotes.Select(q => new QuoteFormRow
        {
            Source = q.Source, Amount = FormValues.Number(q.Amount), Date = q.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }) ?? []];
        if (Quotes.Count == 0)
        {
            Quotes.Add(new QuoteFormRow());
        }

        if (Procedure.Opening is { } opening)
        {
            Names = (await suppliers.FindManyAsync([.. opening.Offers.Select(o => o.SupplierId).Distinct(StringComparer.Ordinal)], cancellationToken))
                .ToDictionary(s => s.SupplierId, s => s.LegalName, StringComparer.Ordinal);
            Evaluation = [.. opening.Offers.Select(o => new EvaluationFormRow { SupplierId = o.SupplierId })];
        }

        if (Procedure.Status == ProcedureStatus.Awarded)
        {
            Contract = await contractStore.FindAsync(Features.Contracts.Contract.IdFor(id), cancellationToken);
        }

        if (Procedure.Ranking is [var first, ..])
        {
            AwardSupplier ??= first.SupplierId;
        }

        if (Procedure.Status == ProcedureStatus.Published)
        {
            try
            {
                LiveOffers = (await offers.StatusAsync(actor, id, cancellationToken)).LiveOffers;
            }
            catch (Exception ex) when (ex is PortalNotFoundException or PortalUnavailableException)
            {
                LiveOffers = null;
            }
        }

        return null;
    }
}
