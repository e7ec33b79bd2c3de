using System.Security.Claims;
using CompraNet.AuctionHost.Accounts;

namespace CompraNet.ProcurementPortal.Features.Common;

/// <summary>
/// Who is acting, resolved on the server from the credential: the account's name and role, and for an official the
/// buying unit it belongs to (from the officials table, never from the request).
/// </summary>
public sealed record PortalActor(string Username, string Role, string? UnitId)
{
    public bool IsOfficial => Role is Roles.Officer or Roles.Coordinator;

    public bool IsSupplier => Role == Roles.Supplier;

    public bool IsAuditor => Role == Roles.Auditor;

    /// <summary>An official of <paramref name="unitId"/>: the only one who may act on that unit's plans and procedures.</summary>
    public bool ActsFor(string unitId) => IsOfficial && string.Equals(UnitId, unitId, StringComparison.Ordinal);

    public static string? UsernameOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirst(Roles.SubjectClaim)?.Value : null;
}
