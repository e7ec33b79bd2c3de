using System.Security.Claims;
using CompraNet.Baseline.Accounts;
using CompraNet.Baseline.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompraNet.Baseline.Auctions;

/// <summary>The engine's auction REST endpoints that the load tool and a person with curl need: create, view, bid.</summary>
public static class AuctionEndpoints
{
    public const string OfficerPolicy = "officer";

    public static RouteGroupBuilder MapAuctionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auctions");
        group.MapPost("/", CreateAsync).RequireAuthorization(OfficerPolicy);
        group.MapGet("/{auctionId}", GetAsync);
        group.MapPost("/{auctionId}/bids", BidAsync).RequireAuthorization();
        return group;
    }

    private static async Task<Results<Created<CreatedAuction>, ProblemHttpResult>> CreateAsync(
        CreateAuctionRequest request, ClaimsPrincipal user, AuctionStore store, CancellationToken cancellationToken)
    {
        var (terms, errors) = request.ToTerms();
        if (terms is null)
        {
            return ProblemResults.Validation(errors);
        }

        var createdBy = user.FindFirst(Roles.SubjectClaim)?.Value ?? string.Empty;
        if (!await store.CreateAsync(terms, createdBy, cancellationToken))
        {
            return ProblemResults.Of(StatusCodes.Status409Conflict, "auction-exists", $"An auction for {terms.AuctionId} already exists.");
        }

        return TypedResults.Created($"/api/auctions/{Uri.EscapeDataString(terms.AuctionId)}", new CreatedAuction(terms.AuctionId));
    }

    private static async Task<Results<Ok<AuctionView>, ProblemHttpResult>> GetAsync(string auctionId, AuctionStore store, CancellationToken cancellationToken) =>
        await store.GetViewAsync(auctionId, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : ProblemResults.Of(StatusCodes.Status404NotFound, "not-found", "The auction was not found.");

    private static async Task<Results<Ok<BidResult>, ProblemHttpResult>> BidAsync(
        string auctionId, PlaceBidRequest request, ClaimsPrincipal user, AuctionBidding bidding, CancellationToken cancellationToken)
    {
        if (request.Amount is not { } amount)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["amount"] = ["Required: a JSON number with up to 2 decimals."] });
        }

        var result = await bidding.PlaceAsync(user, auctionId, amount, request.BidId, cancellationToken);
        return result switch
        {
            { IsAccepted: true } => TypedResults.Ok(result),
            { Code: RefusalCodes.UnknownAuction } => ProblemResults.Of(StatusCodes.Status404NotFound, "not-found", "The auction was not found."),
            _ => ProblemResults.Of(StatusCodes.Status422UnprocessableEntity, result.Code!, "The bid was refused.", result.Message, result, "bidResult"),
        };
    }
}
