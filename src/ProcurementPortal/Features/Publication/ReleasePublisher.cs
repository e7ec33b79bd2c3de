using System.Data.Common;
using System.Globalization;
using CompraNet.ProcurementPortal.Features.Contracts;
using CompraNet.ProcurementPortal.Features.Documents;
using CompraNet.ProcurementPortal.Features.Plans;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Features.Suppliers;
using CompraNet.ProcurementPortal.Features.Units;
using CompraNet.ProcurementPortal.Ocds;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Publication;

/// <summary>
/// Publishes the OCDS release of a procedure's change inside the transaction that makes the change, so the portal
/// never shows a state that has no release, nor a release of a state that was rolled back. Each release is checked
/// against the official OCDS schema (with the declared extensions and codelists) before it is stored: an invalid
/// release is a bug, and the change fails rather than publish it.
/// </summary>
public sealed class ReleasePublisher(
    ReleaseBuilder builder, ReleaseStore releases, PlanStore plans, SupplierStore suppliers, DocumentStore documents, OcdsSchemaValidator validator,
    ContractStore contracts, Interconnection.PaymentStore payments, ILogger<ReleasePublisher> logger)
{
    public string OcidFor(string procedureId) => builder.OcidFor(procedureId);

    /// <summary>The id the next release of <paramref name="ocid"/> will have, read in the transaction that publishes it.</summary>
    public static async Task<string> NextReleaseIdAsync(DbConnection connection, DbTransaction transaction, string ocid, CancellationToken cancellationToken)
    {
        await using var count = PortalDb.Command(connection, transaction, "SELECT COUNT(*) FROM portal_releases WHERE ocid = @ocid");
        PortalDb.Add(count, "@ocid", ocid);
        var number = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) + 1;
        return ReleaseBuilder.ReleaseIdFor(ocid, number);
    }

    /// <summary><c>implementation</c> for the ocid's first release about the contract's execution, <c>implementationUpdate</c> after it.</summary>
    public static async Task<string> ImplementationTagAsync(DbConnection connection, DbTransaction transaction, string ocid, CancellationToken cancellationToken)
    {
        await using var command = PortalDb.Command(connection, transaction,
            "SELECT COUNT(*) FROM portal_releases WHERE ocid = @ocid AND (' ' || tags || ' ') LIKE '% implementation %'");
        PortalDb.Add(command, "@ocid", ocid);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0 ? "implementation" : "implementationUpdate";
    }

    public async Task PublishAsync(DbConnection connection, DbTransaction transaction, Procedure procedure, BuyingUnit unit, IReadOnlyList<string> tags, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var plan = await plans.FindAsync(connection, transaction, procedure.PlanId, cancellationToken)
            ?? throw new InvalidOperationException($"Plan {procedure.PlanId} of {procedure.Id} is missing.");
        var line = plan.Line(procedure.PlanLineNo) ?? throw new InvalidOperationException($"Line {procedure.PlanLineNo} of {plan.Id} is missing.");
        var invited = await suppliers.FindManyAsync(procedure.InvitedSuppliers, cancellationToken);
        var bidders = procedure.Opening is { } opening
            ? await suppliers.FindManyAsync([.. opening.Offers.Select(o => o.SupplierId).Distinct(StringComparer.Ordinal)], cancellationToken)
            : [];
        var docs = await documents.ListAsync(connection, transaction, "procedure", procedure.Id, includeInternal: false, cancellationToken);
        var contractReleases = new List<ContractRelease>();
        foreach (var contract in await contracts.ListForProcedureAsync(connection, transaction, procedure.Id, cancellationToken))
        {
            contractReleases.Add(new ContractRelease(
                contract,
                await documents.ListAsync(connection, transaction, "procedure", contract.Id, includeInternal: false, cancellationToken),
                await payments.ListAsync(connection, transaction, contract.Id, cancellationToken)));
        }

        var releaseId = await NextReleaseIdAsync(connection, transaction, procedure.Ocid, cancellationToken);
        var release = builder.Build(new ReleaseContext(procedure, unit, line, invited, bidders, docs, tags, at, contractReleases), releaseId);
        var json = release.ToJsonString(ReleaseBuilder.Json);
        var check = validator.ValidateRelease(json);
        if (!check.IsValid)
        {
            throw new InvalidOperationException(
                $"Release {releaseId} is not valid OCDS; nothing was published: {string.Join("; ", check.Errors.Take(10).Select(e => $"{e.Path}: {e.Message}"))}");
        }

        foreach (var warning in check.Warnings)
        {
            logger.LogDebug("Release {ReleaseId}: {Path}: {Message}", releaseId, warning.Path, warning.Message);
        }

        await releases.AppendAsync(connection, transaction, releaseId, procedure.Ocid, at, tags, json, cancellationToken);
    }
}
