namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>Settings under <c>CompraNet:Interconnection</c>: the budget system's address, client tokens and webhook delivery.</summary>
public sealed class InterconnectionOptions
{
    public const string SectionName = "CompraNet:Interconnection";

    /// <summary>Where the budget system answers availability checks (POST JSON); unset: every check is accepted.</summary>
    public Uri? BudgetUrl { get; init; }

    public TimeSpan BudgetTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ClientTokenLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Whether webhook URLs may point at loopback, private or link-local addresses. Defaults to true only in development
    /// and the embedded demo: elsewhere a subscriber could make the portal call services inside its own network (SSRF).
    /// </summary>
    public bool AllowPrivateWebhookTargets { get; init; }

    /// <summary>How often the dispatcher looks for deliveries that are due.</summary>
    public TimeSpan WebhookPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts before a delivery is marked failed; the waits between them follow <see cref="WebhookDispatcher.Backoff"/>.</summary>
    public int WebhookMaxAttempts { get; init; } = 8;
}
