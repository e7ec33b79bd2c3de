namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>One event for one subscription: pending (with its next attempt), delivered, or failed after the last attempt.</summary>
public sealed record WebhookDelivery(
    string Id,
    string EventId,
    string EventType,
    string SubscriptionId,
    string Payload,
    int Attempts,
    string Status,
    DateTimeOffset? NextAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
