namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>One difference between two versions: the field (<c>value</c>, <c>period.endDate</c>, <c>items[1].quantity</c>…) with its values before and after.</summary>
public sealed record ContractChange(string Field, string? Before, string? After);
