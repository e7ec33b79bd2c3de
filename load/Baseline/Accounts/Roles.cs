using System.Security.Claims;

namespace CompraNet.Baseline.Accounts;

/// <summary>The two roles the load tool uses, and the claims they travel in.</summary>
public static class Roles
{
    public const string Supplier = "supplier";
    public const string Officer = "officer";
    public const string SubjectClaim = "sub";
    public const string RoleClaim = "role";

    /// <summary>No accounts here: a username starting with "officer" is an officer, any other a supplier.</summary>
    public static string Of(string username) =>
        username.StartsWith(Officer, StringComparison.Ordinal) ? Officer : Supplier;

    public static string? SupplierIdOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && user.FindFirst(RoleClaim)?.Value == Supplier
            ? user.FindFirst(SubjectClaim)?.Value
            : null;
}
