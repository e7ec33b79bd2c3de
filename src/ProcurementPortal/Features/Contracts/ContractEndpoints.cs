using CompraNet.ProcurementPortal.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>Contracts over REST: drawn up from the award, signed by both parties, amended; their versions and what each changed are public.</summary>
public static class ContractEndpoints
{
    public static IEndpointRouteBuilder MapContractEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/procedures/{id}/contracts").WithTags("Contracts").AddEndpointFilter<PortalErrorFilter>().RequireAuthorization()
            .MapPost("/", CreateAsync).WithSummary("Draws up the contract from the award (the unit's official): period and guarantees; items and value from the award.");
        var group = app.MapGroup("/api/contracts/{id}").WithTags("Contracts").AddEndpointFilter<PortalErrorFilter>();
        group.MapGet("/", GetAsync).WithSummary("The contract: parties, terms in force, guarantees, every version with its signatures, and whether the 20% exception was used.");
        group.MapPost("/sign", SignAsync).RequireAuthorization()
            .WithSummary("Signs the current version (the unit's official or the awarded supplier) with the SHA-256 of the text read; both signatures put it in effect.");
        group.MapPost("/amendments", AmendAsync).RequireAuthorization()
            .WithSummary("Proposes an amending agreement (new value and/or end date) as a new version; it takes effect when both parties sign it.");
        group.MapGet("/versions", VersionsAsync).WithSummary("Every version of the contract with its document and signatures.");
        group.MapGet("/versions/{number:int}/diff", DiffAsync).WithSummary("What a version changed from the one before: value, period, items, before and after.");
        return app;
    }

    private static async Task<Created<Contract>> CreateAsync(HttpContext http, PortalActors actors, ContractService service, string id, CreateContractRequest request, CancellationToken cancellationToken)
    {
        var contract = await service.CreateAsync(await actors.RequireAsync(http.User, cancellationToken), id, request, cancellationToken);
        return TypedResults.Created($"/api/contracts/{Uri.EscapeDataString(contract.Id)}", contract);
    }

    private static async Task<Ok<Contract>> GetAsync(HttpContext http, PortalActors actors, ContractService service, string id, CancellationToken cancellationToken)
    {
        var contract = await service.GetAsync(id, cancellationToken);
        var actor = await actors.FromAsync(http.User, cancellationToken);
        return TypedResults.Ok(ContractService.MayReadAll(actor, contract) ? contract : ContractService.PublicView(contract));
    }

    private static async Task<Ok<Contract>> SignAsync(HttpContext http, PortalActors actors, ContractService service, string id, SignContractRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.SignAsync(await actors.RequireAsync(http.User, cancellationToken), id, request, cancellationToken));

    private static async Task<Created<Contract>> AmendAsync(HttpContext http, PortalActors actors, ContractService service, string id, AmendmentRequest request, CancellationToken cancellationToken)
    {
        var contract = await service.AmendAsync(await actors.RequireAsync(http.User, cancellationToken), id, request, cancellationToken);
        return TypedResults.Created($"/api/contracts/{Uri.EscapeDataString(contract.Id)}/versions", contract);
    }

    private static async Task<Ok<IReadOnlyList<ContractVersionSummary>>> VersionsAsync(ContractService service, string id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.VersionsAsync(id, cancellationToken));

    private static async Task<Ok<ContractDiff>> DiffAsync(ContractService service, string id, int number, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.DiffAsync(id, number, cancellationToken));
}
