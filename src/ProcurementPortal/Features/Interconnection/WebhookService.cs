using CompraNet.ProcurementPortal.Features.Common;
using Microsoft.Extensions.Options;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>A client's webhook subscriptions and their delivery logs; a client sees and changes only its own.</summary>
public sealed class WebhookService(WebhookStore webhooks, IOptions<InterconnectionOptions> options, TimeProvider time)
{
    public const int LogLimit = 200;

    public async Task<WebhookCreated> SubscribeAsync(string clientId, WebhookRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (await WebhookTargets.CheckAsync(request.Url, options.Value.AllowPrivateWebhookTargets, cancellationToken) is { } problem)
        {
            errors["url"] = [problem];
        }

        var types = request.EventTypes?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (types.Count == 0 || types.Any(t => t != PortalEventTypes.Any && !PortalEventTypes.All.Contains(t)))
        {
            errors["eventTypes"] = [$"Give one or more of: {string.Join(", ", PortalEventTypes.All)}, or * for all."];
        }

        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }

        var secret = ClientTokenService.NewSecret();
        var subscription = new WebhookSubscription(Guid.NewGuid().ToString("N"), clientId, new Uri(request.Url!), types, secret, Active: true, time.GetUtcNow());
        await webhooks.AddSubscriptionAsync(subscription, cancellationToken);
        return new WebhookCreated(subscription, secret);
    }

    public Task<IReadOnlyList<WebhookSubscription>> ListAsync(string clientId, CancellationToken cancellationToken = default) =>
        webhooks.ListSubscriptionsAsync(clientId, cancellationToken);

    public async Task DeleteAsync(string clientId, string id, CancellationToken cancellationToken = default)
    {
        var subscription = await RequireOwnAsync(clientId, id, cancellationToken);
        if (subscription.Active)
        {
            await webhooks.DeactivateAsync(id, time.GetUtcNow(), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string clientId, string id, CancellationToken cancellationToken = default)
    {
        await RequireOwnAsync(clientId, id, cancellationToken);
        return await webhooks.ListDeliveriesAsync(id, LogLimit, cancellationToken);
    }

    private async Task<WebhookSubscription> RequireOwnAsync(string clientId, string id, CancellationToken cancellationToken) =>
        await webhooks.FindSubscriptionAsync(id, cancellationToken) is { } subscription && subscription.ClientId == clientId
            ? subscription
            : throw new PortalNotFoundException($"No webhook subscription '{id}'.");
}
