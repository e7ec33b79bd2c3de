namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>A new subscription: an http(s) URL and the event types (or <c>*</c>).</summary>
public sealed record WebhookRequest(string? Url, IReadOnlyList<string>? EventTypes);
