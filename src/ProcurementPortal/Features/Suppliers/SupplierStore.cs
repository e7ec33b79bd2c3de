using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Suppliers;

/// <summary>The supplier registry (profiles; shareholders, performance and sanctions follow in later issues).</summary>
public sealed class SupplierStore(PortalDb db, TimeProvider time)
{
    public async Task<RegisteredSupplier?> FindAsync(string supplierId, CancellationToken cancellationToken = default) =>
        (await FindManyAsync([supplierId], cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<RegisteredSupplier>> FindManyAsync(IReadOnlyCollection<string> supplierIds, CancellationToken cancellationToken = default)
    {
        var found = new List<RegisteredSupplier>();
        if (supplierIds.Count == 0)
        {
            return found;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        // One parameter per id: the lists are short (invited suppliers, bidders of one procedure).
        var names = supplierIds.Select((_, i) => $"@s{i}").ToArray();
        await using var command = PortalDb.Command(connection, null,
            $"SELECT supplier_id, legal_name, rfc, is_sme, country FROM portal_suppliers WHERE supplier_id IN ({string.Join(", ", names)}) ORDER BY legal_name");
        foreach (var (id, i) in supplierIds.Select((id, i) => (id, i)))
        {
            PortalDb.Add(command, names[i], id);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(Read(reader));
        }

        return found;
    }

    public async Task<IReadOnlyList<RegisteredSupplier>> ListAsync(CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT supplier_id, legal_name, rfc, is_sme, country FROM portal_suppliers ORDER BY legal_name";
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<RegisteredSupplier>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(Read(reader));
        }

        return found;
    }

    /// <summary>Registers the supplier; false when its id or RFC is registered already.</summary>
    public async Task<bool> AddAsync(RegisteredSupplier supplier, CancellationToken cancellationToken = default)
    {
        const string sql = """
            INSERT INTO portal_suppliers (supplier_id, legal_name, rfc, is_sme, country, created_at)
            VALUES (@id, @name, @rfc, @sme, @country, @at)
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@id", supplier.SupplierId);
        PortalDb.Add(command, "@name", supplier.LegalName);
        PortalDb.Add(command, "@rfc", supplier.Rfc);
        PortalDb.Add(command, "@sme", supplier.IsSme);
        PortalDb.Add(command, "@country", supplier.Country);
        db.AddTime(command, "@at", time.GetUtcNow());
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (PortalDb.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    private static RegisteredSupplier Read(System.Data.Common.DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), PortalDb.ReadBool(reader, 3), reader.GetString(4));
}
