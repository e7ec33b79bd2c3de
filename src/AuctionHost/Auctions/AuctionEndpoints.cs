using System.Security.Claims;
using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionHost.Accounts;
using CompraNet.AuctionHost.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompraNet.AuctionHost.Auctions;

/// <summary>The auction REST API of PROTOCOL.md. Handlers bind, make one call and map the answer.</summary>
public static class AuctionEndpoints
{
    public const string OfficerPolicy = "officer";

    public static RouteGroupBuilder MapAuctionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auctions").WithTags("Auctions");
        group.MapGet("/", ListAsync).WithSummary("The latest auctions (public).");
        group.MapPost("/", CreateAsync).RequireAuthorization(OfficerPolicy).Accepts<CreateAuctionRequest>("application/json")
            .WithSummary("Create an auction (officer).");
        group.MapGet("/{auctionId}", GetAsync).WithSummary("The caller's view of an auction.");
        group.MapPost("/{auctionId}/bids", BidAsync).RequireAuthorization().Accepts<PlaceBidRequest>("application/json")
            .WithSummary("Place a bid (supplier). A refused bid answers 422 with its code and bidResult.");
        group.MapGet("/{auctionId}/transcript", TranscriptAsync)
            .WithSummary("The hash-chained transcript: public after the close, officers and auditors before.");
        return group;
    }

    private static async Task<Ok<IReadOnlyList<AuctionSummary>>> ListAsync(AuctionCatalog catalog, TimeProvider time, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.ListAsync(limit ?? 50, time.GetUtcNow(), cancellationToken));

    private static async Task<Results<Created<CreatedAuction>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, AccountStore accounts, AuctionCatalog catalog,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateAuctionRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (terms, missing) = body!.ToTerms();
        if (terms is null)
        {
            return Problems.Validation(missing);
        }

        var now = time.GetUtcNow();
        var errors = AuctionTermsValidator.Validate(terms, now);
        var registered = await accounts.FindSuppliersAsync([.. terms.Bidders.Select(b => b.SupplierId)], cancellationToken);
        for (var i = 0; i < terms.Bidders.Length; i++)
        {
            if (!registered.Contains(terms.Bidders[i].SupplierId))
            {
                errors.TryAdd($"bidders[{i}].supplierId", ["Not a registered supplier."]);
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var createdBy = user.FindFirst(Roles.SubjectClaim)!.Value;
        var result = await grains.GetGrain<IAuctionGrain>(terms.AuctionId).CreateAsync(terms, createdBy);
        switch (result.Outcome)
        {
            case CreateAuctionOutcome.AlreadyExists:
                return Problems.Of(StatusCodes.Status409Conflict, "auction-exists", $"An auction for {terms.AuctionId} already exists.",
                    "One auction per procedure or lot.");
            case CreateAuctionOutcome.Invalid:
                return Problems.Validation(new Dictionary<string, string[]>(result.Errors));
        }

        await catalog.AddAsync(terms, createdBy, now, cancellationToken);
        return TypedResults.Created($"/api/auctions/{Uri.EscapeDataString(terms.AuctionId)}", new CreatedAuction(terms.AuctionId));
    }

    private static async Task<Results<Ok<AuctionView>, ProblemHttpResult>> GetAsync(string auctionId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!AuctionIds.IsValid(auctionId))
        {
            return Problems.NotFound("The auction");
        }

        var view = await grains.GetGrain<IAuctionGrain>(auctionId).GetViewAsync(Roles.ViewerOf(user));
        return view is null ? Problems.NotFound("The auction") : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<BidResult>, ProblemHttpResult>> BidAsync(
        string auctionId, HttpRequest request, ClaimsPrincipal user, AuctionBidding bidding, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<PlaceBidRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Amount is not { } amount)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["amount"] = ["Required: a JSON number with up to 2 decimals."] });
        }

        var result = await bidding.PlaceAsync(user, auctionId, amount, body.BidId, body.Confirm ?? false);
        if (result.IsAccepted)
        {
            return TypedResults.Ok(result);
        }

        if (result.Code == RefusalCodes.UnknownAuction)
        {
            return Problems.NotFound("The auction");
        }

        if (result.Code == RefusalCodes.RateLimited)
        {
            request.HttpContext.Response.Headers.RetryAfter = "1";
        }

        return Problems.Of(StatusCodes.Status422UnprocessableEntity, result.Code!, "The bid was refused.", result.Message,
            new Dictionary<string, object?> { ["bidResult"] = result });
    }

    private static async Task<Results<Ok<AuctionTranscript>, ProblemHttpResult>> TranscriptAsync(
        string auctionId, ClaimsPrincipal user, IGrainFactory grains, IAuctionJournal journal, CancellationToken cancellationToken)
    {
        if (!AuctionIds.IsValid(auctionId) || await grains.GetGrain<IAuctionGrain>(auctionId).GetSnapshotAsync() is not { } snapshot)
        {
            return Problems.NotFound("The auction");
        }

        if (!snapshot.Closed && Roles.ViewerOf(user).Audience != Audience.Officer)
        {
            return user.Identity?.IsAuthenticated == true
                ? Problems.Of(StatusCodes.Status403Forbidden, "transcript-sealed", "The transcript is published at the close; before it, only officers and auditors may read it.")
                : Problems.Of(StatusCodes.Status401Unauthorized, "transcript-sealed", "The transcript is published at the close; before it, sign in as an officer or auditor.");
        }

        var entries = await journal.ReadAsync(auctionId, cancellationToken);
        var result = snapshot.Closed ? new TranscriptResult(AuctionViews.For(snapshot, Viewer.Public).Ranking ?? []) : null;
        return TypedResults.Ok(new AuctionTranscript(
            auctionId,
            snapshot.StatusAt(snapshot.TakenAt),
            [.. entries.Select(e => new TranscriptEntry(e.Sequence, e.Type, e.At, e.Payload, e.PreviousHash, e.Hash))],
            result,
            JournalCodec.FindBrokenLink(entries) < 0));
    }
}
