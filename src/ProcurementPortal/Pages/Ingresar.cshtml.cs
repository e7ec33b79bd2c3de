using CompraNet.AuctionHost.Accounts;
using CompraNet.ProcurementPortal.Hosting;
using CompraNet.ProcurementPortal.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompraNet.ProcurementPortal.Pages;

/// <summary>Signs in with a local account (the same accounts and throttle as the API's token endpoint) and sets the portal cookie.</summary>
public sealed class IngresarModel(AccountStore accounts, LoginThrottle throttle, PortalText text) : PageModel
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Username) || string.IsNullOrEmpty(Password) || Username.Length > 128 || Password.Length > 1024)
        {
            ModelState.AddModelError(string.Empty, text["signin.missing"]);
            return Page();
        }

        if (!throttle.TryAcquire(Username))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError(string.Empty, text["signin.throttled"]);
            return Page();
        }

        var account = await accounts.FindAsync(Username, cancellationToken);
        if (account is null || !PasswordHasher.Verify(Password, account.PasswordHash))
        {
            ModelState.AddModelError(string.Empty, text["signin.wrong"]);
            return Page();
        }

        await PortalAuthExtensions.SignInAsync(HttpContext, account);
        var home = account.Role switch
        {
            Roles.Officer or Roles.Coordinator => "/oficial",
            Roles.Supplier => "/proveedor",
            _ => "/",
        };
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : home);
    }
}
