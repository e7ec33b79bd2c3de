using System.Security.Claims;
using CompraNet.AuctionHost.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace CompraNet.ProcurementPortal.Hosting;

/// <summary>
/// Two ways in, never mixed: the API and the hub take bearer tokens only (so no browser cookie can make an API call
/// on someone's behalf), the portal's pages take the portal's sign-in cookie only (HttpOnly, SameSite=Lax, with
/// antiforgery on every form). A policy scheme picks by path.
/// </summary>
public static class PortalAuthExtensions
{
    public const string CookieScheme = "portal";
    public const string SelectorScheme = "portal-or-bearer";
    public const string OfficialPolicy = "portal-official";
    public const string SupplierPolicy = "portal-supplier";

    public static WebApplicationBuilder AddPortalAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = SelectorScheme;
                options.DefaultChallengeScheme = SelectorScheme;
                options.DefaultForbidScheme = SelectorScheme;
            })
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = "compranet.portal";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/ingresar";
                options.LogoutPath = "/salir";
                options.AccessDeniedPath = "/acceso-denegado";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
            })
            .AddPolicyScheme(SelectorScheme, "Bearer for the API and hub, cookie for pages", options =>
                options.ForwardDefaultSelector = context => IsApi(context.Request.Path) ? JwtBearerDefaults.AuthenticationScheme : CookieScheme);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OfficialPolicy, policy => policy.AddAuthenticationSchemes(CookieScheme).RequireClaim(Roles.RoleClaim, Roles.Officer, Roles.Coordinator))
            .AddPolicy(SupplierPolicy, policy => policy.AddAuthenticationSchemes(CookieScheme).RequireClaim(Roles.RoleClaim, Roles.Supplier));
        return builder;
    }

    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/openapi");

    /// <summary>The principal of a signed-in account, with the same claim names as the bearer tokens.</summary>
    public static ClaimsPrincipal PrincipalOf(Account account) =>
        new(new ClaimsIdentity(
            [new Claim(Roles.SubjectClaim, account.Username), new Claim(Roles.RoleClaim, account.Role), new Claim("name", account.DisplayName)],
            CookieScheme, Roles.SubjectClaim, Roles.RoleClaim));

    public static Task SignInAsync(HttpContext context, Account account) =>
        context.SignInAsync(CookieScheme, PrincipalOf(account), new AuthenticationProperties { IsPersistent = false });
}
