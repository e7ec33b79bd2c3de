using CompraNet.ProcurementPortal.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompraNet.ProcurementPortal.Features.Clarifications;

/// <summary>Questions and answers of a call over REST.</summary>
public static class ClarificationEndpoints
{
    public static RouteGroupBuilder MapClarificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/procedures/{id}/questions").WithTags("Clarifications").AddEndpointFilter<PortalErrorFilter>();
        group.MapGet("/", ListAsync).AllowAnonymous().WithSummary("Answered questions (who asked is not published); a supplier also sees its own pending ones.");
        group.MapPost("/", AskAsync).RequireAuthorization().WithSummary("A supplier asks, until the clarification meeting.");
        group.MapPost("/{number:int}/answer", AnswerAsync).RequireAuthorization().WithSummary("An official of the unit answers; the answer is published at once.");
        return group;
    }

    private static async Task<Ok<IReadOnlyList<Question>>> ListAsync(HttpContext http, PortalActors actors, ClarificationService service, string id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ListAsync(await actors.FromAsync(http.User, cancellationToken), id, cancellationToken));

    private static async Task<Created<Question>> AskAsync(HttpContext http, PortalActors actors, ClarificationService service, string id, AskRequest request, CancellationToken cancellationToken)
    {
        var question = await service.AskAsync(await actors.RequireAsync(http.User, cancellationToken), id, request.Question, cancellationToken);
        return TypedResults.Created($"/api/procedures/{id}/questions", question);
    }

    private static async Task<Ok<Question>> AnswerAsync(HttpContext http, PortalActors actors, ClarificationService service, string id, int number, AnswerRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.AnswerAsync(await actors.RequireAsync(http.User, cancellationToken), id, number, request.Answer, cancellationToken));
}
