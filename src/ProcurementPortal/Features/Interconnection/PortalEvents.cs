using System.Text.Json;
using CompraNet.AuctionHost.Http;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>
/// Puts events in the webhook outbox as <c>{id, type, occurredAt, data}</c>, one delivery per subscription that wants the
/// type; <see cref="WebhookDispatcher"/> sends them.
/// </summary>
public sealed class PortalEvents(WebhookStore webhooks, TimeProvider time, ILogger<PortalEvents> logger) : IPortalEvents
{
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    public async Task<string> PublishAsync(string type, object payload, CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow();
        try
        {
            var subscriptions = (await webhooks.ListSubscriptionsAsync(null, cancellationToken)).Where(s => s.Wants(type)).ToList();
            if (subscriptions.Count > 0)
            {
                var body = JsonSerializer.Serialize(new { id, type, occurredAt = now, data = payload }, Json);
                await webhooks.EnqueueAsync(id, type, body, subscriptions, now, cancellationToken);
            }
        }
        catch (System.Data.Common.DbException ex)
        {
            // Callers publish after their own commit: the change stands, so a lost notification is logged, not thrown.
            logger.LogError(ex, "Event {EventId} {EventType} could not be queued for webhooks", id, type);
        }

        return id;
    }
}
