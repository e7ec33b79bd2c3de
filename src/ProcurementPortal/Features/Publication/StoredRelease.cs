namespace CompraNet.ProcurementPortal.Features.Publication;

/// <summary>A published release exactly as published (<paramref name="Payload"/> is its JSON text).</summary>
public sealed record StoredRelease(long Seq, string ReleaseId, string Ocid, DateTimeOffset Date, string Payload);
