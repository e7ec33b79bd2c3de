namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>What a client of another government system may do, and the claims and policies of its tokens.</summary>
public static class InterconnectionScopes
{
    public const string Budget = "budget";
    public const string Treasury = "treasury";
    public const string Webhooks = "webhooks";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Budget, Treasury, Webhooks };

    public const string ClientClaim = "client";
    public const string ScopeClaim = "scope";

    /// <summary>The policy that takes a client token with the scope; user tokens (which carry a role, never <c>client</c>) fail it.</summary>
    public static string PolicyFor(string scope) => $"interconnection-{scope}";
}
