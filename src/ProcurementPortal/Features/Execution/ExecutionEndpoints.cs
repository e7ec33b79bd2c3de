using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompraNet.ProcurementPortal.Features.Execution;

/// <summary>A contract's execution and payments over REST: deliveries, acceptance, invoices, payment orders, the account and the termination.</summary>
public static class ExecutionEndpoints
{
    public static IEndpointRouteBuilder MapExecutionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/contracts/{id}").WithTags("Execution").AddEndpointFilter<PortalErrorFilter>().RequireAuthorization();
        group.MapPost("/deliveries", ScheduleAsync).WithSummary("Schedules a delivery or milestone (the unit's official): what, by when, the value it releases for payment.");
        group.MapPost("/deliveries/{deliveryId}/report", ReportAsync).WithSummary("The supplier reports it delivered, and when.");
        group.MapPost("/deliveries/{deliveryId}/accept", AcceptAsync)
            .WithSummary("The unit accepts the delivery with the day it received it; a late one carries the penalty (capped by the performance guarantee). Issues the acceptance record.");
        group.MapPost("/deliveries/{deliveryId}/reject", RejectDeliveryAsync).WithSummary("The unit rejects a reported delivery, with its reason; the supplier delivers again.");
        group.MapPost("/invoices", InvoiceAsync).WithSummary("The supplier invoices accepted deliveries (folio fiscal of the CFDI); the amount is their value.");
        group.MapPost("/invoices/{invoiceId}/approve", ApproveAsync)
            .WithSummary("The unit approves the invoice: a payment order for the treasury, less penalties, due 20 calendar days after the invoice (art. 51 LAASSP).");
        group.MapPost("/invoices/{invoiceId}/reject", RejectInvoiceAsync).WithSummary("The unit returns the invoice with its reason; a corrected one starts the payment period again.");
        group.MapGet("/account", AccountAsync)
            .WithSummary("What was accepted, invoiced, ordered and paid; what is due and overdue; each payment order and when it is due (the unit, the supplier, auditors).");
        group.MapPost("/termination", TerminateAsync)
            .WithSummary("Ends the contract: completed (all delivered and paid), early (art. 54 Bis) or rescission (art. 54, calling the performance guarantee).");
        app.MapGet("/api/suppliers/{id}/performance", PerformanceAsync).WithTags("Execution").AddEndpointFilter<PortalErrorFilter>()
            .WithSummary("A supplier's public record: contracts won, on-time delivery rate, rejections, amendments, penalties, rescissions and guarantees called.");
        return app;
    }

    private static async Task<Ok<SupplierPerformance>> PerformanceAsync(SupplierPerformanceService service, string id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetAsync(id, cancellationToken));

    private static async Task<Created<Contract>> ScheduleAsync(HttpContext http, PortalActors actors, ExecutionService service, string id, ScheduleDeliveryRequest request, CancellationToken cancellationToken)
    {
        var contract = await service.ScheduleAsync(await actors.RequireAsync(http.User, cancellationToken), id, request, cancellationToken);
        return TypedResults.Created($"/api/contracts/{Uri.EscapeDataString(id)}", contract);
    }

    private static async Task<Ok<Contract>> ReportAsync(HttpContext http, PortalActors actors, ExecutionService service, string id, string deliveryId, ReportDeliveryRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ReportAsync(await actors.RequireAsync(http.User, cancellationToken), id, deliveryId, request, cancellationToken));

    private static async Task<Ok<Contract>> AcceptAsync(HttpContext http, PortalActors actors, ExecutionService service, string id, string deliveryId, AcceptDeliveryRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.AcceptAsync(await actors.RequireAsync(http.User, cancellationToken), id, deliveryId, request, cancellationToken));

    private static async Task<Ok<Contract>> RejectDeliveryAsync(HttpContext http, PortalActors actors, ExecutionService service, string id, string deliveryId, RejectRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.RejectDeliveryAsync(await actors.RequireAsync(http.User, cancellationToken), id, deliveryId, request, cancellationToken));

    private static async Task<Created<Contract>> InvoiceAsync(HttpContext http, PortalActors actors, ExecutionService service, string id, InvoiceRequest request, CancellationToken cancellationToken)
    {
        var contract = await service.InvoiceAsync(await actors.RequireAsync(http.User, cancellationToken), id, request, cancellationToken);
        return TypedResults.Created($"/api/contracts/{Uri.EscapeDataString(id)}/account", contract);
    }

    private static async Task<Ok<Contract>> ApproveAsync(HttpContext http, PortalActors actors, ExecutionService service, string id, string invoiceId, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ApproveInvoiceAsync(await actors.RequireAsync(http.User, cancellationToken), id, invoiceId, cancellationToken));

    private static async Task<Ok<Contract>> RejectInvoiceAsync(HttpContext http, PortalActors actors, ExecutionService service, string id, string invoiceId, RejectRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.RejectInvoiceAsync(await actors.RequireAsync(http.User, cancellationToken), id, invoiceId, request, cancellationToken));

    private static async Task<Ok<ContractAccount>> AccountAsync(HttpContext http, PortalActors actors, ExecutionService service, string id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.AccountAsync(await actors.RequireAsync(http.User, cancellationToken), id, cancellationToken));

    private static async Task<Ok<Contract>> TerminateAsync(HttpContext http, PortalActors actors, ExecutionService service, string id, TerminationRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.TerminateAsync(await actors.RequireAsync(http.User, cancellationToken), id, request, cancellationToken));
}
