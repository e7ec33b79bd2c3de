using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Units;

/// <summary>Buying units and the officials who act for them.</summary>
public sealed class UnitStore(PortalDb db, TimeProvider time)
{
    public async Task<BuyingUnit?> FindAsync(string unitId, CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT id, name, institution, non_open_cap_percent FROM portal_units WHERE id = @id";
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@id", unitId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<BuyingUnit>> ListAsync(CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT id, name, institution, non_open_cap_percent FROM portal_units ORDER BY name";
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var units = new List<BuyingUnit>();
        while (await reader.ReadAsync(cancellationToken))
        {
            units.Add(Read(reader));
        }

        return units;
    }

    /// <summary>Adds the unit; false when its id exists already.</summary>
    public async Task<bool> AddAsync(BuyingUnit unit, CancellationToken cancellationToken = default)
    {
        const string sql = """
            INSERT INTO portal_units (id, name, institution, non_open_cap_percent, created_at)
            VALUES (@id, @name, @institution, @cap, @at)
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@id", unit.Id);
        PortalDb.Add(command, "@name", unit.Name);
        PortalDb.Add(command, "@institution", unit.Institution);
        PortalDb.Add(command, "@cap", unit.NonOpenCapPercent);
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

    /// <summary>Makes <paramref name="username"/> an official of the unit (moving it if it belonged to another).</summary>
    public async Task SetOfficialAsync(string username, string unitId, string position, CancellationToken cancellationToken = default)
    {
        const string sql = """
            INSERT INTO portal_officials (username, unit_id, position, created_at) VALUES (@username, @unit, @position, @at)
            ON CONFLICT (username) DO UPDATE SET unit_id = excluded.unit_id, position = excluded.position
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@username", username);
        PortalDb.Add(command, "@unit", unitId);
        PortalDb.Add(command, "@position", position);
        db.AddTime(command, "@at", time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The unit an official acts for; null for anyone who is not an official of a unit.</summary>
    public async Task<string?> UnitOfAsync(string username, CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT unit_id FROM portal_officials WHERE username = @username";
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@username", username);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static BuyingUnit Read(System.Data.Common.DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture));
}
