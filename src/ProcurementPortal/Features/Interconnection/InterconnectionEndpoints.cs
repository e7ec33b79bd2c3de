using System.Security.Claims;
using CompraNet.AuctionHost.Accounts;
using CompraNet.AuctionHost.Http;
using CompraNet.ProcurementPortal.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>The API for other government systems: client tokens, the treasury's payments and webhook subscriptions.</summary>
public static class InterconnectionEndpoints
{
    public static RouteGroupBuilder MapInterconnectionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/interconnection").WithTags("Interconnection").AddEndpointFilter<PortalErrorFilter>().AddEndpointFilter<ActiveClientFilter>();
        group.MapPost("/token", TokenAsync).AllowAnonymous().DisableAntiforgery()
            .WithSummary("Client credentials (client_id, client_secret, grant_type=client_credentials; form or JSON) for a short-lived client token.");
        var treasury = InterconnectionScopes.PolicyFor(InterconnectionScopes.Treasury);
        group.MapPost("/payments", PostPaymentAsync).RequireAuthorization(treasury).WithSummary("The treasury posts a payment; the same idempotency key records it once.");
        group.MapGet("/payments", ListPaymentsAsync).RequireAuthorization(treasury).WithSummary("Payments of a contract (?contract=).");
        var webhooks = InterconnectionScopes.PolicyFor(InterconnectionScopes.Webhooks);
        group.MapPost("/webhooks", SubscribeAsync).RequireAuthorization(webhooks).WithSummary("Subscribes a URL to events; the answer carries the signing secret, once.");
        group.MapGet("/webhooks", ListWebhooksAsync).RequireAuthorization(webhooks).WithSummary("The client's subscriptions.");
        group.MapDelete("/webhooks/{id}", UnsubscribeAsync).RequireAuthorization(webhooks).WithSummary("Stops a subscription; its pending deliveries are dropped.");
        group.MapGet("/webhooks/{id}/deliveries", DeliveriesAsync).RequireAuthorization(webhooks).WithSummary("The subscription's delivery log, newest first.");
        return group;
    }

    private static async Task<Results<Ok<ClientTokenResponse>, ProblemHttpResult>> TokenAsync(HttpRequest request, ClientCredentials credentials, CancellationToken cancellationToken)
    {
        var body = await ClientTokenRequest.ReadAsync(request, cancellationToken);
        return await credentials.IssueAsync(body.ClientId, body.ClientSecret, cancellationToken) switch
        {
            ({ } token, _) => TypedResults.Ok(token),
            (_, "slow_down") => Problems.Of(StatusCodes.Status429TooManyRequests, "slow-down", "Too many failed attempts for this client; wait a few minutes."),
            _ => Problems.Of(StatusCodes.Status401Unauthorized, "invalid-client", "Unknown client, wrong secret or disabled client."),
        };
    }

    private static async Task<Results<Created<TreasuryPayment>, Ok<TreasuryPayment>>> PostPaymentAsync(ClaimsPrincipal user, TreasuryService treasury, PaymentRequest request, CancellationToken cancellationToken)
    {
        var (payment, created) = await treasury.PostAsync(ClientIdOf(user), request, cancellationToken);
        return created
            ? TypedResults.Created($"/api/interconnection/payments?contract={Uri.EscapeDataString(payment.ContractId)}", payment)
            : TypedResults.Ok(payment);
    }

    private static async Task<Ok<IReadOnlyList<TreasuryPayment>>> ListPaymentsAsync(TreasuryService treasury, string? contract, CancellationToken cancellationToken) =>
        TypedResults.Ok(await treasury.ListAsync(contract, cancellationToken));

    private static async Task<Created<WebhookCreated>> SubscribeAsync(ClaimsPrincipal user, WebhookService webhooks, WebhookRequest request, CancellationToken cancellationToken)
    {
        var created = await webhooks.SubscribeAsync(ClientIdOf(user), request, cancellationToken);
        return TypedResults.Created($"/api/interconnection/webhooks/{created.Subscription.Id}/deliveries", created);
    }

    private static async Task<Ok<IReadOnlyList<WebhookSubscription>>> ListWebhooksAsync(ClaimsPrincipal user, WebhookService webhooks, CancellationToken cancellationToken) =>
        TypedResults.Ok(await webhooks.ListAsync(ClientIdOf(user), cancellationToken));

    private static async Task<NoContent> UnsubscribeAsync(ClaimsPrincipal user, WebhookService webhooks, string id, CancellationToken cancellationToken)
    {
        await webhooks.DeleteAsync(ClientIdOf(user), id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<WebhookDelivery>>> DeliveriesAsync(ClaimsPrincipal user, WebhookService webhooks, string id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await webhooks.DeliveriesAsync(ClientIdOf(user), id, cancellationToken));

    // The interconnection policies let only client tokens through, and every client token has a subject.
    private static string ClientIdOf(ClaimsPrincipal user) => user.FindFirst(Roles.SubjectClaim)?.Value ?? throw new PortalForbiddenException("Not a client token.");
}
