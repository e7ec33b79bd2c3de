namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>The search's query string (<c>?q=&amp;unit=&amp;type=&amp;status=&amp;from=&amp;to=&amp;min=&amp;max=&amp;page=</c>), bound by the framework.</summary>
public sealed record ProcedureQueryParameters(string? Q, string? Unit, string? Type, string? Status, DateOnly? From, DateOnly? To, decimal? Min, decimal? Max, int? Page)
{
    public ProcedureQuery ToQuery() => new()
    {
        Text = Q?.Trim() is { Length: > 0 and <= 200 } text ? text : null,
        UnitId = Unit,
        Type = ProcedureType.IsValid(Type) ? Type : null,
        Status = Status,
        PublishedFrom = From,
        PublishedTo = To,
        MinAmount = Min,
        MaxAmount = Max,
        Page = Math.Clamp(Page ?? 1, 1, 10_000),
    };
}
