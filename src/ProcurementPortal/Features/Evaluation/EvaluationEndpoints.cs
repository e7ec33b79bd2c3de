using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Procedures;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompraNet.ProcurementPortal.Features.Evaluation;

/// <summary>Market research, evaluation and award over REST (the unit's officials).</summary>
public static class EvaluationEndpoints
{
    public static RouteGroupBuilder MapEvaluationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/procedures/{id}").WithTags("Evaluation").AddEndpointFilter<PortalErrorFilter>().RequireAuthorization();
        group.MapPut("/market-research", MarketResearchAsync).WithSummary("Records the market research (quotes and sources); the reference price is their average. Before the opening.");
        group.MapPost("/evaluation", EvaluateAsync)
            .WithSummary("Evaluates every opened offer; then the auction among the admissible bidders starts, or they are ranked by price.");
        group.MapPost("/award", AwardAsync).WithSummary("The award decision: to the first in the ranking, or to another with a justification.");
        return group;
    }

    private static async Task<Ok<Procedure>> MarketResearchAsync(HttpContext http, PortalActors actors, EvaluationService service, string id, MarketResearchRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.RecordMarketResearchAsync(await actors.RequireAsync(http.User, cancellationToken), id, request, cancellationToken));

    private static async Task<Ok<Procedure>> EvaluateAsync(HttpContext http, PortalActors actors, EvaluationService service, string id, EvaluationRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.EvaluateAsync(await actors.RequireAsync(http.User, cancellationToken), id, request, cancellationToken));

    private static async Task<Ok<Procedure>> AwardAsync(HttpContext http, PortalActors actors, EvaluationService service, string id, AwardRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.AwardAsync(await actors.RequireAsync(http.User, cancellationToken), id, request, cancellationToken));
}
