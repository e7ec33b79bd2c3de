namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>One line of a procedure search: what the public list shows.</summary>
public sealed record ProcedureSummary(
    string Id,
    string Ocid,
    string UnitId,
    string UnitName,
    string Type,
    string Status,
    string Title,
    decimal EstimatedAmount,
    string Currency,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? SubmissionDeadline);
