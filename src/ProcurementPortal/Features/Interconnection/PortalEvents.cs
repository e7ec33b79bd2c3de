using System.Data.Common;
using System.Text.Json;
using CompraNet.AuctionHost.Http;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>
/// Puts events in the webhook outbox as <c>{id, type, occurredAt, data}</c>, one delivery per subscription that wants the
/// type, in the transaction of the change; <see cref="WebhookDispatcher"/> sends them once it has committed.
/// </summary>
public sealed class PortalEvents(WebhookStore webhooks, TimeProvider time) : IPortalEvents
{
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    public async Task<string> PublishAsync(DbConnection connection, DbTransaction transaction, string type, object payload, CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow();
        var subscriptions = (await webhooks.ListSubscriptionsAsync(connection, transaction, null, cancellationToken)).Where(s => s.Wants(type)).ToList();
        if (subscriptions.Count > 0)
        {
            var body = JsonSerializer.Serialize(new { id, type, occurredAt = now, data = payload }, Json);
            await webhooks.EnqueueAsync(connection, transaction, id, type, body, subscriptions, now, cancellationToken);
        }

        return id;
    }
}
