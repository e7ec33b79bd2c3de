using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>Procedures over REST: the public search and pages' data; drafting, publishing and cancelling for the unit's officials.</summary>
public static class ProcedureEndpoints
{
    public static RouteGroupBuilder MapProcedureEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/procedures").WithTags("Procedures").AddEndpointFilter<PortalErrorFilter>();
        group.MapGet("/", SearchAsync).AllowAnonymous().WithSummary("Search published procedures: text, unit, type, status, publication dates, amount; 25 per page.");
        group.MapGet("/{id}", GetAsync).AllowAnonymous().WithSummary("A procedure (drafts only for its unit's officials).");
        group.MapGet("/{id}/timeline", TimelineAsync).AllowAnonymous().WithSummary("What happened, when and by whom.");
        group.MapGet("/{id}/documents", DocumentsAsync).AllowAnonymous().WithSummary("Documents with every version (time, official, SHA-256).");
        group.MapPost("/", CreateAsync).RequireAuthorization().WithSummary("Drafts a procedure from a line of the unit's published plan.");
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization().WithSummary("Changes a draft.");
        group.MapPost("/{id}/publish", PublishAsync).RequireAuthorization().WithSummary("Publishes the call for bids.");
        group.MapPost("/{id}/cancel", CancelAsync).RequireAuthorization().WithSummary("Cancels the procedure, with a public reason.");
        app.MapGet("/documentos/{documentId}/{version:int}", DownloadAsync).AllowAnonymous().WithTags("Procedures")
            .WithSummary("One version of a public document, byte for byte (check it against its SHA-256).");
        return group;
    }

    private static async Task<Ok<ProcedurePage>> SearchAsync(ProcedureStore store, [AsParameters] ProcedureQueryParameters query, CancellationToken cancellationToken)
    {
        var (page, total) = await store.SearchAsync(query.ToQuery(), cancellationToken);
        return TypedResults.Ok(new ProcedurePage(page, total, query.Page ?? 1, ProcedureQuery.PageSize));
    }

    private static async Task<Ok<Procedure>> GetAsync(HttpContext http, PortalActors actors, ProcedureService service, string id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetAsync(await actors.FromAsync(http.User, cancellationToken), id, cancellationToken));

    private static async Task<Ok<IReadOnlyList<ProcedureEvent>>> TimelineAsync(HttpContext http, PortalActors actors, ProcedureService service, ProcedureStore store, string id, CancellationToken cancellationToken)
    {
        var actor = await actors.FromAsync(http.User, cancellationToken);
        var procedure = await service.GetAsync(actor, id, cancellationToken);
        return TypedResults.Ok(await store.EventsAsync(id, includeInternal: actor?.ActsFor(procedure.UnitId) == true || actor?.IsAuditor == true, cancellationToken));
    }

    private static async Task<Ok<IReadOnlyList<PortalDocument>>> DocumentsAsync(HttpContext http, PortalActors actors, ProcedureService service, DocumentStore documents, string id, CancellationToken cancellationToken)
    {
        var actor = await actors.FromAsync(http.User, cancellationToken);
        var procedure = await service.GetAsync(actor, id, cancellationToken);
        return TypedResults.Ok(await documents.ListAsync("procedure", id, includeInternal: actor?.ActsFor(procedure.UnitId) == true || actor?.IsAuditor == true, cancellationToken));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(DocumentStore documents, string documentId, int version, CancellationToken cancellationToken)
    {
        var found = await documents.ReadAsync(documentId, version, cancellationToken);
        if (found is not { } document || !document.Document.Public)
        {
            return AuctionHost.Http.Problems.Of(StatusCodes.Status404NotFound, "not-found", $"No public document {documentId} version {version}.");
        }

        return TypedResults.File(document.Content, document.Version.ContentType, document.Version.FileName);
    }

    private static async Task<Created<ProcedureOutcome>> CreateAsync(HttpContext http, PortalActors actors, ProcedureService service, ProcedureRequest request, CancellationToken cancellationToken)
    {
        var outcome = await service.CreateAsync(await actors.RequireAsync(http.User, cancellationToken), request, cancellationToken);
        return TypedResults.Created($"/api/procedures/{outcome.Procedure.Id}", outcome);
    }

    private static async Task<Ok<ProcedureOutcome>> UpdateAsync(HttpContext http, PortalActors actors, ProcedureService service, string id, ProcedureRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.UpdateDraftAsync(await actors.RequireAsync(http.User, cancellationToken), id, request, cancellationToken));

    private static async Task<Ok<ProcedureOutcome>> PublishAsync(HttpContext http, PortalActors actors, ProcedureService service, string id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.PublishAsync(await actors.RequireAsync(http.User, cancellationToken), id, cancellationToken));

    private static async Task<Ok<ProcedureOutcome>> CancelAsync(HttpContext http, PortalActors actors, ProcedureService service, string id, CancelRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.CancelAsync(await actors.RequireAsync(http.User, cancellationToken), id, request.Reason, cancellationToken));
}
