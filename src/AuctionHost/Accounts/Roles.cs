using System.Security.Claims;
using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionHost.Accounts;

/// <summary>The roles of PROTOCOL.md, and how a credential maps to an auction audience.</summary>
public static class Roles
{
    public const string Supplier = "supplier";
    public const string Officer = "officer";
    public const string Coordinator = "coordinator";
    public const string Auditor = "auditor";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Supplier, Officer, Coordinator, Auditor };

    public const string SubjectClaim = "sub";
    public const string RoleClaim = "role";

    /// <summary>Identity comes from the credential only: the token's subject is the supplier id.</summary>
    public static Viewer ViewerOf(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || user.FindFirst(SubjectClaim)?.Value is not { Length: > 0 } subject)
        {
            return Viewer.Public;
        }

        return user.FindFirst(RoleClaim)?.Value switch
        {
            Supplier => Viewer.Supplier(subject),
            Officer or Auditor or Coordinator => Viewer.Officer,
            _ => Viewer.Public,
        };
    }

    public static string? SupplierIdOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && user.FindFirst(RoleClaim)?.Value == Supplier
            ? user.FindFirst(SubjectClaim)?.Value
            : null;
}
