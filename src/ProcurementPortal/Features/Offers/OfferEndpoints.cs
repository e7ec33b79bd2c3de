using CompraNet.AuctionGrains.Tenders;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Procedures;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompraNet.ProcurementPortal.Features.Offers;

/// <summary>Sealed offers over REST: submit, replace and withdraw (suppliers, until the deadline), the tender's status, and the opening (the unit's officials).</summary>
public static class OfferEndpoints
{
    public static RouteGroupBuilder MapOfferEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/procedures/{id}").WithTags("Offers").AddEndpointFilter<PortalErrorFilter>();
        group.MapGet("/offers", StatusAsync).AllowAnonymous()
            .WithSummary("Before the opening: the number of live offers (and a supplier's own receipts); after it, every offer revealed.");
        group.MapPost("/offers", SubmitAsync).RequireAuthorization()
            .WithSummary("Submits (or replaces) the supplier's sealed offer; returns the receipt: time received and the SHA-256 of the sealed offer.");
        group.MapDelete("/offers/{offerId:guid}", WithdrawAsync).RequireAuthorization().WithSummary("Withdraws the supplier's live offer before the deadline.");
        group.MapPost("/opening", OpenAsync).RequireAuthorization().WithSummary("The opening act, after the deadline: reveals every live offer at once.");
        return group;
    }

    private static async Task<Ok<TenderStatus>> StatusAsync(HttpContext http, PortalActors actors, OfferService offers, string id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await offers.StatusAsync(await actors.FromAsync(http.User, cancellationToken), id, cancellationToken));

    private static async Task<Created<OfferReceipt>> SubmitAsync(HttpContext http, PortalActors actors, OfferService offers, string id, OfferRequest request, CancellationToken cancellationToken)
    {
        var receipt = await offers.SubmitAsync(await actors.RequireAsync(http.User, cancellationToken), id, request, cancellationToken);
        return TypedResults.Created($"/api/procedures/{id}/offers", receipt);
    }

    private static async Task<Ok<WithdrawOfferResult>> WithdrawAsync(HttpContext http, PortalActors actors, OfferService offers, string id, Guid offerId, CancellationToken cancellationToken) =>
        TypedResults.Ok(await offers.WithdrawAsync(await actors.RequireAsync(http.User, cancellationToken), id, offerId, cancellationToken));

    private static async Task<Ok<Procedure>> OpenAsync(HttpContext http, PortalActors actors, OfferService offers, string id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await offers.OpenAsync(await actors.RequireAsync(http.User, cancellationToken), id, cancellationToken));
}
