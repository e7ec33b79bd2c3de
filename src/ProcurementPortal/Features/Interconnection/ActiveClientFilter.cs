using System.Globalization;
using CompraNet.AuctionHost.Accounts;
using CompraNet.AuctionHost.Http;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>
/// Client tokens are short-lived but stateless: this filter makes disabling a client or rotating its secret take effect
/// at once. A client token whose client is unknown or disabled, or that was issued before the client's credentials last
/// changed, is answered 401 (code <c>client-revoked</c>) whatever its expiry says.
/// </summary>
public sealed class ActiveClientFilter(ApiClientStore clients) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.FindFirst(InterconnectionScopes.ClientClaim) is null || user.FindFirst(Roles.SubjectClaim)?.Value is not { } clientId)
        {
            return await next(context); // not a client token: the endpoint's policy decides
        }

        var found = await clients.FindAsync(clientId, context.HttpContext.RequestAborted);
        var issuedAt = long.TryParse(user.FindFirst("iat")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var iat) ? iat : long.MinValue;
        if (found is not { Client: { Disabled: false } client }
            || (client.CredentialsChangedAt is { } changed && issuedAt < changed.ToUnixTimeSeconds()))
        {
            return Problems.Of(StatusCodes.Status401Unauthorized, "client-revoked", "This client was disabled or its secret replaced after the token was issued: sign in again.");
        }

        return await next(context);
    }
}
