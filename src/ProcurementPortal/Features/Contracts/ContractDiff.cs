namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>What version <see cref="To"/> changed from the version before it, and the amendment that did it.</summary>
public sealed record ContractDiff(string ContractId, int From, int To, ContractAmendment? Amendment, IReadOnlyList<ContractChange> Changes);
