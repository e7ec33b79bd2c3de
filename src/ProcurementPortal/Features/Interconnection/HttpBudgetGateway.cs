using System.Net.Http.Json;
using CompraNet.ProcurementPortal.Features.Common;
using Microsoft.Extensions.Options;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>
/// Asks the budget system at <c>CompraNet:Interconnection:BudgetUrl</c> (POST <c>{unitId, budgetKey, fiscalYear, amount}</c>,
/// answer <c>{available, reason}</c>). Without a URL every check is accepted, as before the interconnection existed.
/// </summary>
public sealed class HttpBudgetGateway(IHttpClientFactory httpClients, IOptions<InterconnectionOptions> options, ILogger<HttpBudgetGateway> logger) : IBudgetGateway
{
    public const string HttpClientName = "budget";

    private sealed record Answer(bool? Available, string? Reason);

    public async Task<BudgetAnswer> CheckAvailabilityAsync(string unitId, string budgetKey, int fiscalYear, decimal amount, CancellationToken cancellationToken = default)
    {
        if (options.Value.BudgetUrl is not { } url)
        {
            return BudgetAnswer.Yes;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.BudgetTimeout);
            using var response = await httpClients.CreateClient(HttpClientName).PostAsJsonAsync(url, new { unitId, budgetKey, fiscalYear, amount }, timeout.Token);
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync<Answer>(timeout.Token);
            if (answer?.Available is not { } available)
            {
                throw new InvalidOperationException("The answer has no 'available'.");
            }

            return new BudgetAnswer(available, available ? null : answer.Reason ?? "The budget system refused without a reason.");
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or InvalidOperationException or System.Text.Json.JsonException
                                   && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The budget system at {Url} gave no answer for {UnitId} {BudgetKey} {FiscalYear}", url, unitId, budgetKey, fiscalYear);
            throw new PortalUnavailableException("The budget system could not confirm the budget; nothing was published. Try again.");
        }
    }
}
