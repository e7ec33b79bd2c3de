using System.Collections.Immutable;

namespace CompraNet.ProcurementPortal.Features.Execution;

/// <summary>A delivery or milestone to schedule: <c>delivery</c> (goods) or <c>milestone</c> (a service's stage), by when, for what value.</summary>
public sealed record ScheduleDeliveryRequest(string? Kind, string? Description, DateOnly? DueDate, decimal? Amount);

/// <summary>The supplier's report: the day it delivered, and what (remission, guide, note).</summary>
public sealed record ReportDeliveryRequest(DateOnly? DeliveredOn, string? Note);

/// <summary>The unit's acceptance: the day it received the delivery complete and as agreed.</summary>
public sealed record AcceptDeliveryRequest(DateOnly? ReceivedOn, string? Note);

/// <summary>Why a delivery or an invoice is refused.</summary>
public sealed record RejectRequest(string? Reason);

/// <summary>The supplier's invoice: its folio fiscal (CFDI UUID), the accepted deliveries it bills and its date.</summary>
public sealed record InvoiceRequest(string? Folio, ImmutableArray<string>? DeliveryIds, DateOnly? IssuedOn);

/// <summary>
/// How the contract ends: <c>completed</c>, <c>early</c> or <c>rescission</c>, with the reason; on a rescission, the
/// amount of the performance guarantee to call (all of it when not given; zero calls none).
/// </summary>
public sealed record TerminationRequest(string? Kind, string? Reason, decimal? GuaranteeAmount);
