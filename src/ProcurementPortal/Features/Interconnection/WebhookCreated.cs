namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>The subscription just made, with its signing secret: the only time the secret is shown.</summary>
public sealed record WebhookCreated(WebhookSubscription Subscription, string Secret);
