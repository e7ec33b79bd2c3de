using CompraNet.AuctionHost.Accounts;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Hosting;
using CompraNet.ProcurementPortal.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CompraNet.ProcurementPortal.Pages;

/// <summary>
/// From the portal (cookie) to the engine's bidder page (bearer token in sessionStorage) without a second sign-in:
/// issues a token for the signed-in supplier's own account, as <c>POST /api/auth/token</c> would after its password,
/// and hands it to the engine's page the way its sign-in does. Only when the engine is co-hosted (same origin); with
/// the engine on other hosts the page links there and the supplier signs in on the engine.
/// </summary>
[Authorize(Policy = PortalAuthExtensions.SupplierPolicy)]
public sealed class SubastaModel(AccountStore accounts, IServiceProvider services, IConfiguration configuration) : PageModel
{
    public string AuctionId { get; private set; } = "";

    public EngineLinks Engine { get; private set; } = null!;

    /// <summary>The token for the engine's page; null when the engine is elsewhere.</summary>
    public TokenResponse? Token { get; private set; }

    public async Task<IActionResult> OnGetAsync(string auctionId, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        AuctionId = auctionId;
        Engine = EngineLinks.Of(configuration);
        if (!Engine.IsEmbedded)
        {
            return Page();
        }

        if (PortalActor.UsernameOf(User) is not { } username || await accounts.FindAsync(username, cancellationToken) is not { } account)
        {
            return Forbid();
        }

        Token = services.GetRequiredService<TokenService>().Issue(account);
        return Page();
    }
}
