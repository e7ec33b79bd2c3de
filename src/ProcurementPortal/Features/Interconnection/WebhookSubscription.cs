using System.Text.Json.Serialization;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>Where a client wants events delivered. The secret signs each delivery and is shown only when subscribing.</summary>
public sealed record WebhookSubscription(
    string Id,
    string ClientId,
    Uri Url,
    IReadOnlyList<string> EventTypes,
    [property: JsonIgnore] string Secret,
    bool Active,
    DateTimeOffset CreatedAt)
{
    public bool Wants(string type) => Active && (EventTypes.Contains(PortalEventTypes.Any) || EventTypes.Contains(type));
}
