using System.Globalization;
using System.Text.RegularExpressions;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Contracts;
using CompraNet.ProcurementPortal.Features.Execution;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>
/// Payments posted by the treasury. The same idempotency key answers with the payment first recorded (a retry after a
/// lost answer records nothing new); the same key with different content is a conflict. A contract id the portal's
/// registry does not know is still recorded (the treasury pays contracts signed before the portal, too), and the
/// payment says <c>contractVerified: false</c>. On a portal contract, a payment citing one of its payment orders may
/// not pay more than the order has outstanding; the payment, the contract's implementation release, its timeline
/// entry and the <c>payment.posted</c> event commit together.
/// </summary>
public sealed partial class TreasuryService(
    PortalDb db, PaymentStore payments, ContractStore contracts, ExecutionService execution, ProcedureStore procedures, IPortalEvents events, TimeProvider time)
{
    /// <summary>The payment and whether this request recorded it (false: an earlier request with the same key did).</summary>
    public async Task<(TreasuryPayment Payment, bool Created)> PostAsync(string clientId, PaymentRequest request, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        Validate(request, now);
        var payment = new TreasuryPayment(Guid.NewGuid().ToString("N"), clientId, request.IdempotencyKey!, request.ContractId!, request.Reference!.Trim(),
            request.Amount!.Value, WholeMicroseconds(request.PaidAt!.Value), now, ContractVerified: false);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await payments.AddAsync(connection, transaction, payment, cancellationToken))
        {
            var first = await payments.FindByKeyAsync(connection, transaction, payment.IdempotencyKey, cancellationToken)
                ?? throw new PortalUnavailableException("The payment could not be recorded; try again.");
            if (first.ClientId != clientId || first.ContractId != payment.ContractId || first.Reference != payment.Reference
                || first.Amount != payment.Amount || first.PaidAt != payment.PaidAt)
            {
                throw new PortalConflictException("idempotency-key-reused", "This idempotency key was used for a different payment; nothing was recorded.");
            }

            return (first, false);
        }

        // The contract's row is locked before its orders are checked: two payments on one order at once are checked one
        // after the other, so together they cannot pay more than it has outstanding.
        if (await contracts.FindAsync(connection, transaction, payment.ContractId, cancellationToken, lockRow: true) is { } contract)
        {
            var order = contract.PaymentOrders.FirstOrDefault(o => o.Id == payment.Reference);
            if (order is not null)
            {
                var before = ExecutionRules.PaidOn(order, (await payments.ListAsync(connection, transaction, contract.Id, cancellationToken)).Where(p => p.Id != payment.Id));
                var outstanding = order.Amount - before;
                if (payment.Amount > outstanding)
                {
                    throw new PortalConflictException("exceeds-order", string.Create(CultureInfo.InvariantCulture,
                        $"Payment order {order.Id} has {outstanding:0.00} {contract.Currency} outstanding; this payment of {payment.Amount:0.00} exceeds it. Nothing was recorded."));
                }
            }

            var what = order is null ? $"referencia {payment.Reference}" : $"orden de pago {order.Id}";
            await procedures.AppendEventAsync(connection, transaction, contract.ProcedureId, now, clientId, "payment-posted",
                string.Create(CultureInfo.InvariantCulture, $"Contrato {contract.Id}: pago de {payment.Amount:0.00} {contract.Currency} ({what}) registrado por la tesorería, pagado el {payment.PaidAt:yyyy-MM-dd}."),
                isPublic: true, cancellationToken);
            await execution.PublishAsync(connection, transaction, contract, null, now, cancellationToken);
        }

        var recorded = await payments.FindByKeyAsync(connection, transaction, payment.IdempotencyKey, cancellationToken)
            ?? throw new PortalUnavailableException("The payment could not be recorded; try again.");
        await events.PublishAsync(connection, transaction, PortalEventTypes.PaymentPosted, recorded, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (recorded, true);
    }

    public async Task<IReadOnlyList<TreasuryPayment>> ListAsync(string? contractId, CancellationToken cancellationToken = default)
    {
        if (contractId is null || !ContractIdPattern().IsMatch(contractId))
        {
            throw PortalValidationException.Of("contract", "Give the contract id (letters, digits, '-', '_', '.', '/', up to 80).");
        }

        return await payments.ListAsync(contractId, cancellationToken);
    }

    // PostgreSQL keeps microseconds: a retry's time must compare equal to the one stored on either database.
    private static DateTimeOffset WholeMicroseconds(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);

    private static void Validate(PaymentRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.ContractId is null || !ContractIdPattern().IsMatch(request.ContractId))
        {
            errors["contractId"] = ["Give the contract id (letters, digits, '-', '_', '.', '/', up to 80)."];
        }

        if (string.IsNullOrWhiteSpace(request.Reference) || request.Reference.Length > 100)
        {
            errors["reference"] = ["Give the invoice or payment order reference (up to 100 characters)."];
        }

        if (request.Amount is not { } amount || !Money.IsValidAmount(amount))
        {
            errors["amount"] = ["The amount is greater than zero with at most two decimals."];
        }

        if (request.PaidAt is not { } paidAt)
        {
            errors["paidAt"] = ["Give when it was paid (RFC 3339 with offset)."];
        }
        else if (paidAt > now + TimeSpan.FromMinutes(5))
        {
            errors["paidAt"] = ["The payment date is in the future."];
        }

        if (request.IdempotencyKey is null || !IdempotencyKeyPattern().IsMatch(request.IdempotencyKey))
        {
            errors["idempotencyKey"] = ["Give an idempotency key (8 to 100 letters, digits, '-', '_', ':' or '.'), the same on every retry."];
        }

        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]{0,79}$")]
    private static partial Regex ContractIdPattern();

    [GeneratedRegex("^[A-Za-z0-9._:-]{8,100}$")]
    private static partial Regex IdempotencyKeyPattern();
}
