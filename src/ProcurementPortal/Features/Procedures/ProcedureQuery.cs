namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>The public search: text, buyer, type, status, publication dates and amount; 1-based page of <see cref="PageSize"/>.</summary>
public sealed record ProcedureQuery
{
    public const int PageSize = 25;

    public string? Text { get; init; }

    public string? UnitId { get; init; }

    public string? Type { get; init; }

    public string? Status { get; init; }

    public DateOnly? PublishedFrom { get; init; }

    public DateOnly? PublishedTo { get; init; }

    public decimal? MinAmount { get; init; }

    public decimal? MaxAmount { get; init; }

    public int Page { get; init; } = 1;
}
