namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>
/// The contract from the award: its period, and the guarantees (performance by default a fianza for 10% of the
/// value; an advance-payment guarantee only when the contract pays one).
/// </summary>
public sealed record CreateContractRequest(DateOnly? StartDate, DateOnly? EndDate, GuaranteeRequest? PerformanceGuarantee, GuaranteeRequest? AdvancePaymentGuarantee);
