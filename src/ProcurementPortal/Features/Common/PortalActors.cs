using System.Security.Claims;
using CompraNet.AuctionHost.Accounts;
using CompraNet.ProcurementPortal.Features.Units;

namespace CompraNet.ProcurementPortal.Features.Common;

/// <summary>Resolves the acting user from the authenticated principal (token or portal cookie) and the officials table.</summary>
public sealed class PortalActors(UnitStore units)
{
    /// <summary>The actor, or null for the public (no credential).</summary>
    public async Task<PortalActor?> FromAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (PortalActor.UsernameOf(user) is not { } username)
        {
            return null;
        }

        var role = user.FindFirst(Roles.RoleClaim)?.Value ?? string.Empty;
        var unit = role is Roles.Officer or Roles.Coordinator ? await units.UnitOfAsync(username, cancellationToken) : null;
        return new PortalActor(username, role, unit);
    }

    public async Task<PortalActor> RequireAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        await FromAsync(user, cancellationToken) ?? throw new PortalForbiddenException("Sign in first.");
}
