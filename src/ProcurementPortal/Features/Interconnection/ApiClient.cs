namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>Another government system (budget, treasury) that signs in with client credentials rather than as a person.</summary>
public sealed record ApiClient(string ClientId, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, bool Disabled);
