using CompraNet.AuctionHost.Accounts;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>
/// The client-credentials grant: checks the client id and secret (PBKDF2 hash, decoy hash for unknown ids so both cost
/// the same), refuses disabled clients and throttles failures per client id.
/// </summary>
public sealed class ClientCredentials(ApiClientStore clients, ClientSignInThrottle throttle, ClientTokenService tokens)
{
    public const string GrantType = "client_credentials";

    /// <summary>A token, or null with the OAuth error code (<c>invalid_client</c>, <c>slow_down</c>).</summary>
    public async Task<(ClientTokenResponse? Token, string? Error)> IssueAsync(string clientId, string secret, CancellationToken cancellationToken = default)
    {
        if (throttle.IsBlocked(clientId))
        {
            return (null, "slow_down");
        }

        var found = await clients.FindAsync(clientId, cancellationToken);
        if (!PasswordHasher.Verify(secret, found?.SecretHash) || found is not { Client.Disabled: false } client)
        {
            throttle.RecordFailure(clientId);
            return (null, "invalid_client");
        }

        throttle.Reset(clientId);
        return (tokens.Issue(client.Client), null);
    }
}
