namespace CompraNet.ProcurementPortal.Features.Execution;

/// <summary>
/// A delivery of goods or a service milestone the contract schedules: what, by when, and the value it releases for
/// payment. The supplier reports it; the buying unit accepts it (with the date it received it) or rejects it with its
/// reason, and the supplier delivers again. Accepted late, it carries the contractual penalty (pena convencional).
/// </summary>
public sealed record ContractDelivery(
    string Id,
    string Kind,
    string Description,
    DateOnly DueDate,
    decimal Amount,
    string Status,
    DateTimeOffset ScheduledAt,
    string ScheduledBy,
    DateOnly? ReportedOn = null,
    string? ReportNote = null,
    DateOnly? ReceivedOn = null,
    DateTimeOffset? DecidedAt = null,
    string? DecidedBy = null,
    string? RejectionReason = null,
    int Rejections = 0,
    int DaysLate = 0,
    decimal Penalty = 0m,
    string? AcceptanceDocumentId = null)
{
    /// <summary>Days past its due date on <paramref name="today"/> while not accepted (0 when on time or accepted).</summary>
    public int DaysOverdue(DateOnly today) =>
        Status is DeliveryStatus.Accepted or DeliveryStatus.Cancelled ? 0 : Math.Max(0, today.DayNumber - DueDate.DayNumber);
}
