namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>
/// A convenio modificatorio: why, who answers for it, and how far the contract then is from its original value and
/// period (cumulative percentages). <see cref="Exception"/> marks the law's exception to the 20% limit, which is public.
/// </summary>
public sealed record ContractAmendment(
    string Id,
    string Reason,
    string ResponsibleOfficial,
    decimal ValueIncreasePercent,
    decimal PeriodIncreasePercent,
    bool Exception,
    string? ExceptionJustification);
