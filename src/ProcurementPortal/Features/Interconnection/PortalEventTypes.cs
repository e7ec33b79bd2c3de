namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>The events a webhook subscription may ask for.</summary>
public static class PortalEventTypes
{
    public const string ProcedurePublished = "procedure.published";
    public const string ProcedureAwarded = "procedure.awarded";
    public const string ProcedureCancelled = "procedure.cancelled";
    public const string ProcedureDeserted = "procedure.deserted";
    public const string ContractSigned = "contract.signed";
    public const string ContractAmended = "contract.amended";
    public const string ContractCommitted = "contract.committed";
    public const string PaymentPosted = "payment.posted";
    public const string DeliveryAccepted = "delivery.accepted";
    public const string DeliveryRejected = "delivery.rejected";
    public const string PaymentOrderIssued = "payment-order.issued";
    public const string ContractTerminated = "contract.terminated";

    /// <summary>Every event, now and later.</summary>
    public const string Any = "*";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        ProcedurePublished, ProcedureAwarded, ProcedureCancelled, ProcedureDeserted, ContractSigned, ContractAmended, ContractCommitted,
        DeliveryAccepted, DeliveryRejected, PaymentOrderIssued, PaymentPosted, ContractTerminated,
    };
}
