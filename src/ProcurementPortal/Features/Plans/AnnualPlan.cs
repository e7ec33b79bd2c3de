namespace CompraNet.ProcurementPortal.Features.Plans;

/// <summary>A buying unit's annual acquisition plan (PAAAS) for one fiscal year: drafted, then published.</summary>
public sealed record AnnualPlan(
    string Id,
    string UnitId,
    int FiscalYear,
    string Status,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? PublishedAt,
    string? PublishedBy,
    IReadOnlyList<PlanLine> Lines)
{
    public const string Draft = "draft";
    public const string Published = "published";

    public bool IsPublished => Status == Published;

    public decimal Total => Lines.Sum(l => l.EstimatedAmount);

    public PlanLine? Line(int lineNo) => Lines.FirstOrDefault(l => l.LineNo == lineNo);

    public static string IdFor(string unitId, int fiscalYear) => $"PAAAS-{unitId}-{fiscalYear}";
}
