using CompraNet.ProcurementPortal.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompraNet.ProcurementPortal.Pages;

/// <summary>Signs out (POST only, with the antiforgery token) and returns to the home page.</summary>
public sealed class SalirModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(PortalAuthExtensions.CookieScheme);
        return LocalRedirect("/");
    }
}
