namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>
/// What happened in the portal, for the systems subscribed to it: each event is put in the webhook outbox, one delivery
/// per matching subscription, after the change it reports has been committed.
/// </summary>
public interface IPortalEvents
{
    /// <summary>Queues <paramref name="type"/> (e.g. <c>procedure.published</c>) with its payload; returns the event id.</summary>
    Task<string> PublishAsync(string type, object payload, CancellationToken cancellationToken = default);
}
