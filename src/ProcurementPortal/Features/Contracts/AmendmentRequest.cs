namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>
/// A convenio modificatorio: the reason, a new value and/or a new end date, and, beyond 20% of the original value or
/// period, the law's exception with its justification.
/// </summary>
public sealed record AmendmentRequest(string? Reason, decimal? Value, DateOnly? EndDate, bool? Exception, string? Justification);
