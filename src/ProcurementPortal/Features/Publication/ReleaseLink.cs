namespace CompraNet.ProcurementPortal.Features.Publication;

/// <summary>A published release as a record links to it: its id, date and tags.</summary>
public sealed record ReleaseLink(string ReleaseId, DateTimeOffset Date, IReadOnlyList<string> Tags);
