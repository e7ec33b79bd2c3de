using System.Data.Common;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>Webhook subscriptions and the delivery outbox.</summary>
public sealed class WebhookStore(PortalDb db)
{
    private const string DeliveryColumns = """
        id, event_id, event_type, subscription_id, payload, attempts, status, next_attempt_at, last_status_code, last_error, created_at, delivered_at
        """;

    public async Task AddSubscriptionAsync(WebhookSubscription subscription, CancellationToken cancellationToken = default)
    {
        const string sql = """
            INSERT INTO portal_webhook_subscriptions (id, client_id, url, event_types, secret, active, created_at)
            VALUES (@id, @client, @url, @types, @secret, @active, @at)
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@id", subscription.Id);
        PortalDb.Add(command, "@client", subscription.ClientId);
        PortalDb.Add(command, "@url", subscription.Url.AbsoluteUri);
        PortalDb.Add(command, "@types", string.Join(' ', subscription.EventTypes));
        PortalDb.Add(command, "@secret", subscription.Secret);
        PortalDb.Add(command, "@active", subscription.Active);
        db.AddTime(command, "@at", subscription.CreatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The client's subscriptions, or all active ones when <paramref name="clientId"/> is null.</summary>
    public async Task<IReadOnlyList<WebhookSubscription>> ListSubscriptionsAsync(string? clientId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await ListSubscriptionsAsync(connection, null, clientId, cancellationToken);
    }

    /// <summary>The client's subscriptions, or with <paramref name="clientId"/> null every active one, in the caller's transaction.</summary>
    public async Task<IReadOnlyList<WebhookSubscription>> ListSubscriptionsAsync(DbConnection connection, DbTransaction? transaction, string? clientId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT id, client_id, url, event_types, secret, active, created_at FROM portal_webhook_subscriptions
            WHERE (@client IS NULL AND active = @active) OR client_id = @client
            ORDER BY created_at, id
            """;
        await using var command = PortalDb.Command(connection, transaction, sql);
        PortalDb.AddText(command, "@client", clientId);
        PortalDb.Add(command, "@active", true);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<WebhookSubscription>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new WebhookSubscription(reader.GetString(0), reader.GetString(1), new Uri(reader.GetString(2)),
                reader.GetString(3).Split(' ', StringSplitOptions.RemoveEmptyEntries), reader.GetString(4), PortalDb.ReadBool(reader, 5), PortalDb.ReadTime(reader, 6)));
        }

        return list;
    }

    public async Task<WebhookSubscription?> FindSubscriptionAsync(string id, CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT client_id FROM portal_webhook_subscriptions WHERE id = @id";
        await using (var connection = await db.OpenAsync(cancellationToken))
        await using (var command = PortalDb.Command(connection, null, sql))
        {
            PortalDb.Add(command, "@id", id);
            if (await command.ExecuteScalarAsync(cancellationToken) is not string clientId)
            {
                return null;
            }

            return (await ListSubscriptionsAsync(clientId, cancellationToken)).FirstOrDefault(s => s.Id == id);
        }
    }

    /// <summary>Stops deliveries to the subscription (the row and its log stay); pending deliveries are marked failed.</summary>
    public async Task DeactivateAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = PortalDb.Command(connection, transaction, "UPDATE portal_webhook_subscriptions SET active = @active WHERE id = @id"))
        {
            PortalDb.Add(command, "@active", false);
            PortalDb.Add(command, "@id", id);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        const string sql = """
            UPDATE portal_webhook_deliveries SET status = 'failed', next_attempt_at = NULL, last_error = 'The subscription was deleted.'
            WHERE subscription_id = @id AND status = 'pending'
            """;
        await using (var command = PortalDb.Command(connection, transaction, sql))
        {
            PortalDb.Add(command, "@id", id);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Puts one delivery per subscription in the outbox, due at once, in the transaction of the change the event reports.</summary>
    public async Task EnqueueAsync(
        DbConnection connection, DbTransaction transaction, string eventId, string type, string payload, IEnumerable<WebhookSubscription> subscriptions, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        const string sql = """
            INSERT INTO portal_webhook_deliveries (id, event_id, event_type, subscription_id, payload, attempts, status, next_attempt_at, created_at)
            VALUES (@id, @event, @type, @subscription, @payload, 0, 'pending', @at, @at)
            """;
        foreach (var subscription in subscriptions)
        {
            await using var command = PortalDb.Command(connection, transaction, sql);
            PortalDb.Add(command, "@id", Guid.NewGuid().ToString("N"));
            PortalDb.Add(command, "@event", eventId);
            PortalDb.Add(command, "@type", type);
            PortalDb.Add(command, "@subscription", subscription.Id);
            PortalDb.Add(command, "@payload", payload);
            db.AddTime(command, "@at", at);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Pending deliveries whose next attempt is due, oldest first.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        const string sql = $"""
            SELECT {DeliveryColumns} FROM portal_webhook_deliveries
            WHERE status = 'pending' AND next_attempt_at <= @now
            ORDER BY next_attempt_at, id
            LIMIT @limit
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        db.AddTime(command, "@now", now);
        PortalDb.Add(command, "@limit", limit);
        return await ReadDeliveriesAsync(command, cancellationToken);
    }

    /// <summary>
    /// Takes the delivery for one attempt by moving its next attempt to <paramref name="leaseUntil"/>: false when another
    /// portal instance took it first, so two instances never send the same attempt.
    /// </summary>
    public async Task<bool> ClaimAsync(WebhookDelivery delivery, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        const string sql = """
            UPDATE portal_webhook_deliveries SET next_attempt_at = @lease
            WHERE id = @id AND status = 'pending' AND attempts = @attempts AND next_attempt_at = @due
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        db.AddTime(command, "@lease", leaseUntil);
        PortalDb.Add(command, "@id", delivery.Id);
        PortalDb.Add(command, "@attempts", delivery.Attempts);
        db.AddTime(command, "@due", delivery.NextAttemptAt);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Records an attempt: its status (pending with the next attempt, delivered or failed) and the answer or error.</summary>
    public async Task RecordAttemptAsync(string id, int attempts, string status, DateTimeOffset? nextAttemptAt, int? statusCode, string? error, DateTimeOffset? deliveredAt, CancellationToken cancellationToken = default)
    {
        const string sql = """
            UPDATE portal_webhook_deliveries
            SET attempts = @attempts, status = @status, next_attempt_at = @next, last_status_code = @code, last_error = @error, delivered_at = @delivered
            WHERE id = @id
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@attempts", attempts);
        PortalDb.Add(command, "@status", status);
        db.AddTime(command, "@next", nextAttemptAt);
        PortalDb.Add(command, "@code", statusCode);
        PortalDb.AddText(command, "@error", error);
        db.AddTime(command, "@delivered", deliveredAt);
        PortalDb.Add(command, "@id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The subscription's deliveries, newest first.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string subscriptionId, int limit, CancellationToken cancellationToken = default)
    {
        const string sql = $"""
            SELECT {DeliveryColumns} FROM portal_webhook_deliveries
            WHERE subscription_id = @subscription
            ORDER BY created_at DESC, id
            LIMIT @limit
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@subscription", subscriptionId);
        PortalDb.Add(command, "@limit", limit);
        return await ReadDeliveriesAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<WebhookDelivery>> ReadDeliveriesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<WebhookDelivery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new WebhookDelivery(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                Convert.ToInt32(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(6), PortalDb.ReadNullableTime(reader, 7),
                reader.IsDBNull(8) ? null : Convert.ToInt32(reader.GetValue(8), System.Globalization.CultureInfo.InvariantCulture),
                PortalDb.ReadNullableString(reader, 9), PortalDb.ReadTime(reader, 10), PortalDb.ReadNullableTime(reader, 11)));
        }

        return list;
    }
}
