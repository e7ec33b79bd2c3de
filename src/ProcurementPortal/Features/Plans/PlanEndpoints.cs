using CompraNet.ProcurementPortal.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompraNet.ProcurementPortal.Features.Plans;

/// <summary>Annual plans over REST: published plans for everyone; drafting and publishing for the unit's officials.</summary>
public static class PlanEndpoints
{
    public static RouteGroupBuilder MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/plans").WithTags("Plans").AddEndpointFilter<PortalErrorFilter>();
        group.MapGet("/", ListAsync).AllowAnonymous().WithSummary("Published annual plans (filter by unit); an official also sees its unit's drafts.");
        group.MapGet("/{planId}", GetAsync).AllowAnonymous().WithSummary("A plan with its lines and what each has committed.");
        group.MapPost("/", CreateAsync).RequireAuthorization().WithSummary("Drafts the official's unit's plan for a fiscal year.");
        group.MapPost("/{planId}/lines", AddLineAsync).RequireAuthorization().WithSummary("Adds a planned purchase to a draft plan.");
        group.MapPost("/{planId}/publish", PublishAsync).RequireAuthorization().WithSummary("Publishes the plan; its lines are then fixed.");
        return group;
    }

    private static async Task<Ok<IReadOnlyList<AnnualPlan>>> ListAsync(HttpContext http, PortalActors actors, PlanStore plans, string? unit, CancellationToken cancellationToken)
    {
        var actor = await actors.FromAsync(http.User, cancellationToken);
        var all = await plans.ListAsync(unit, includeDrafts: actor?.UnitId is not null, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AnnualPlan>>([.. all.Where(p => p.IsPublished || actor?.ActsFor(p.UnitId) == true)]);
    }

    private static async Task<Ok<AnnualPlan>> GetAsync(HttpContext http, PortalActors actors, PlanService service, string planId, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetAsync(await actors.FromAsync(http.User, cancellationToken), planId, cancellationToken));

    private static async Task<Created<AnnualPlan>> CreateAsync(HttpContext http, PortalActors actors, PlanService service, CreatePlanRequest request, CancellationToken cancellationToken)
    {
        var plan = await service.CreateAsync(await actors.RequireAsync(http.User, cancellationToken),
            request.FiscalYear ?? throw PortalValidationException.Of("fiscalYear", "Give the fiscal year."), cancellationToken);
        return TypedResults.Created($"/api/plans/{plan.Id}", plan);
    }

    private static async Task<Ok<AnnualPlan>> AddLineAsync(HttpContext http, PortalActors actors, PlanService service, string planId, PlanLineRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.AddLineAsync(await actors.RequireAsync(http.User, cancellationToken), planId, request, cancellationToken));

    private static async Task<Ok<AnnualPlan>> PublishAsync(HttpContext http, PortalActors actors, PlanService service, string planId, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.PublishAsync(await actors.RequireAsync(http.User, cancellationToken), planId, cancellationToken));
}
