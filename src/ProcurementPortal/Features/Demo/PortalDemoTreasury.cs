using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Contracts;
using CompraNet.ProcurementPortal.Features.Execution;
using CompraNet.ProcurementPortal.Features.Interconnection;

namespace CompraNet.ProcurementPortal.Features.Demo;

/// <summary>
/// The demo's stand-in for the treasury (demo data only): pays each payment order a minute after the unit issues it,
/// through the same service the treasury's API calls (client <c>demo-tesoreria</c>, one idempotency key per order), so a
/// newcomer who approves an invoice sees the payment arrive and can close the contract.
/// </summary>
public sealed class PortalDemoTreasury(ContractStore contracts, PaymentStore payments, TreasuryService treasury, TimeProvider time, ILogger<PortalDemoTreasury> logger)
    : BackgroundService
{
    public const string ClientId = "demo-tesoreria";

    public static readonly TimeSpan PayAfter = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var contract in await contracts.ListSignedAsync(200, stoppingToken))
                {
                    await PayDueOrdersAsync(contract, PayAfter, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is PortalValidationException or PortalConflictException or PortalUnavailableException or System.Data.Common.DbException)
            {
                logger.LogWarning(ex, "The demo treasury could not pay: {Message}", ex.Message);
            }

            await Task.Delay(TimeSpan.FromSeconds(10), time, stoppingToken);
        }
    }

    /// <summary>Pays what is outstanding on each of the contract's orders issued at least <paramref name="age"/> ago.</summary>
    public async Task PayDueOrdersAsync(Contract contract, TimeSpan age, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var paid = await payments.ListAsync(contract.Id, cancellationToken);
        foreach (var order in contract.PaymentOrders.Where(o => now - o.IssuedAt >= age))
        {
            var outstanding = order.Amount - ExecutionRules.PaidOn(order, paid);
            if (outstanding > 0)
            {
                await treasury.PostAsync(ClientId, new PaymentRequest(contract.Id, order.Id, outstanding, now, $"demo-{order.Id}"), cancellationToken);
                logger.LogInformation("Demo treasury: paid {Amount} on {OrderId}.", outstanding, order.Id);
            }
        }
    }
}
