namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>
/// The contract from the award: its period, the guarantees (performance by default a fianza for 10% of the value; an
/// advance-payment guarantee only when the contract pays one), the penalty for late delivery, in percent of the
/// late delivery's value per calendar day (1% by default), and the advance (anticipo) in percent of the value, paid
/// when the contract takes effect and amortised in the same percentage from each invoice.
/// </summary>
public sealed record CreateContractRequest(
    DateOnly? StartDate, DateOnly? EndDate, GuaranteeRequest? PerformanceGuarantee, GuaranteeRequest? AdvancePaymentGuarantee, decimal? PenaltyPercentPerDay = null,
    decimal? AdvancePercent = null);
