namespace CompraNet.ProcurementPortal.Features.Units;

/// <summary>A buying unit (unidad compradora) of an institution; <paramref name="NonOpenCapPercent"/> is its annual cap on non-open awards.</summary>
public sealed record BuyingUnit(string Id, string Name, string Institution, int NonOpenCapPercent);
