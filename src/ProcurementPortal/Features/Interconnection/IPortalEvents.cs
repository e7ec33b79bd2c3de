using System.Data.Common;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>
/// What happened in the portal, for the systems subscribed to it: each event is written to the webhook outbox, one
/// delivery per matching subscription, in the transaction of the change it reports, so the change and its
/// notification commit (or roll back) together.
/// </summary>
public interface IPortalEvents
{
    /// <summary>Queues <paramref name="type"/> (e.g. <c>procedure.published</c>) with its payload in the caller's transaction; returns the event id.</summary>
    Task<string> PublishAsync(DbConnection connection, DbTransaction transaction, string type, object payload, CancellationToken cancellationToken = default);
}
