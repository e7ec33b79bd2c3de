namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>
/// A convenio modificatorio: the reason, a new value, a new end date and/or new quantities of items (the value then
/// follows the quantities at the contract's unit prices unless given), and, beyond 20% of the original value, period
/// or an item's original quantity, the law's exception with its justification.
/// </summary>
public sealed record AmendmentRequest(string? Reason, decimal? Value, DateOnly? EndDate, bool? Exception, string? Justification, IReadOnlyList<AmendmentItemRequest>? Items = null);

/// <summary>The new quantity of one of the contract's items.</summary>
public sealed record AmendmentItemRequest(string? ItemId, decimal? Quantity);
