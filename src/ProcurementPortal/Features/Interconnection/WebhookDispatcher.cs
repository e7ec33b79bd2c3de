using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>
/// Sends the outbox's due deliveries: a signed JSON POST each; a 2xx answer marks it delivered, anything else (or no
/// answer) schedules the next attempt after <see cref="Backoff"/>, until the last attempt marks it failed. Every wait is
/// on the injected clock, so tests advance a fake clock instead of sleeping.
/// </summary>
public sealed class WebhookDispatcher(
    WebhookStore webhooks,
    IHttpClientFactory httpClients,
    IOptions<InterconnectionOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";

    private static readonly TimeSpan[] Waits =
        [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6)];

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt: 10 s, 30 s, 2 min, 10 min, 1 h, then 6 h.</summary>
    public static TimeSpan Backoff(int attempts) => Waits[Math.Clamp(attempts, 1, Waits.Length) - 1];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unreachable; the outbox keeps everything for the next round.
                logger.LogWarning(ex, "Webhook delivery round failed");
            }

            try
            {
                await Task.Delay(options.Value.WebhookPollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        var due = await webhooks.DueAsync(time.GetUtcNow(), 50, cancellationToken);
        if (due.Count == 0)
        {
            return;
        }

        var subscriptions = (await webhooks.ListSubscriptionsAsync(null, cancellationToken)).ToDictionary(s => s.Id);
        foreach (var delivery in due)
        {
            // A lease longer than one attempt can take: if this instance stops mid-attempt, another retries after it.
            if (!await webhooks.ClaimAsync(delivery, time.GetUtcNow() + (options.Value.WebhookTimeout * 3), cancellationToken))
            {
                continue;
            }

            if (!subscriptions.TryGetValue(delivery.SubscriptionId, out var subscription))
            {
                await webhooks.RecordAttemptAsync(delivery.Id, delivery.Attempts, WebhookDelivery.Failed, null, null, "The subscription is no longer active.", null, cancellationToken);
                continue;
            }

            await AttemptAsync(delivery, subscription, cancellationToken);
        }
    }

    private async Task AttemptAsync(WebhookDelivery delivery, WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        var attempts = delivery.Attempts + 1;
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        int? code = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-CompraNet-Event", delivery.EventType);
            request.Headers.Add("X-CompraNet-Delivery", delivery.Id);
            request.Headers.Add("X-CompraNet-Timestamp", timestamp);
            request.Headers.Add("X-CompraNet-Signature", WebhookSignature.Sign(subscription.Secret, timestamp, delivery.Payload));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.WebhookTimeout);
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                await webhooks.RecordAttemptAsync(delivery.Id, attempts, WebhookDelivery.Delivered, null, code, null, time.GetUtcNow(), cancellationToken);
                return;
            }

            error = $"The receiver answered {code}.";
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            error = ex is OperationCanceledException ? "No answer within the timeout." : $"Not reachable: {ex.Message}";
        }

        var last = attempts >= options.Value.WebhookMaxAttempts;
        logger.LogInformation("Webhook delivery {DeliveryId} attempt {Attempt} failed ({Error}){Final}", delivery.Id, attempts, error, last ? "; giving up" : "");
        await webhooks.RecordAttemptAsync(delivery.Id, attempts, last ? WebhookDelivery.Failed : WebhookDelivery.Pending,
            last ? null : time.GetUtcNow() + Backoff(attempts), code, error, null, cancellationToken);
    }
}
