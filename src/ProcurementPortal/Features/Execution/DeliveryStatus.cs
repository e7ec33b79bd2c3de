namespace CompraNet.ProcurementPortal.Features.Execution;

/// <summary>Where a delivery stands, and its kinds.</summary>
public static class DeliveryStatus
{
    public const string Scheduled = "scheduled";

    /// <summary>The supplier says it delivered; the unit has not decided.</summary>
    public const string Reported = "reported";

    public const string Accepted = "accepted";

    /// <summary>The unit refused what was delivered (with its reason); the supplier must deliver again.</summary>
    public const string Rejected = "rejected";

    /// <summary>Not due any more: the contract ended before it was accepted.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Goods delivered (OCDS milestone type <c>delivery</c>).</summary>
    public const string DeliveryKind = "delivery";

    /// <summary>A service milestone, such as a report or a stage of works (OCDS milestone type <c>reporting</c>).</summary>
    public const string MilestoneKind = "milestone";
}
