namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>
/// Another government system (budget, treasury) that signs in with client credentials rather than as a person.
/// <paramref name="CredentialsChangedAt"/>: when it was last disabled, enabled or given a new secret; tokens issued
/// before then are refused.
/// </summary>
public sealed record ApiClient(string ClientId, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, bool Disabled, DateTimeOffset? CredentialsChangedAt = null);
