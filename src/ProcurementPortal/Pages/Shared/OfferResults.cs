using CompraNet.ProcurementPortal.Features.Procedures;

namespace CompraNet.ProcurementPortal.Pages.Shared;

/// <summary>What _OfferResults.cshtml shows: the revealed offers of a procedure, with each one's evaluation once decided, and the bidders' legal names.</summary>
public sealed record OfferResults(Procedure Procedure, IReadOnlyDictionary<string, string> Names);
