using System.Collections.Frozen;
using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionHost.Hosting;

namespace CompraNet.AuctionHost.Sanctions;

/// <summary>
/// The sanctions every bid is checked against, held in memory (the bid path must not wait for a database) and
/// reloaded from the <c>sanctions</c> table at start, after every change made here, and periodically for changes
/// made elsewhere (another host, the registry).
/// </summary>
public sealed class SanctionRegistry(CompraNetDatabase db, TimeProvider time) : ISanctionRegistry
{
    private FrozenDictionary<string, Sanction[]> _bySupplier = FrozenDictionary<string, Sanction[]>.Empty;

    public bool IsSanctioned(string supplierId, DateTimeOffset at) =>
        _bySupplier.TryGetValue(supplierId, out var sanctions) && Array.Exists(sanctions, s => s.InForceAt(at));

    public async Task AddAsync(Sanction sanction, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            INSERT INTO sanctions (supplier_id, starts_at, ends_at, reason, created_at)
            VALUES (@supplier, @starts, @ends, @reason, @created)
            """;
        await using var command = db.DataSource.CreateCommand(Sql);
        CompraNetDatabase.Parameter(command, "supplier", sanction.SupplierId);
        CompraNetDatabase.Parameter(command, "starts", db.TimeParameter(sanction.StartsAt));
        CompraNetDatabase.Parameter(command, "ends", sanction.EndsAt is { } ends ? db.TimeParameter(ends) : null);
        CompraNetDatabase.Parameter(command, "reason", sanction.Reason);
        CompraNetDatabase.Parameter(command, "created", db.TimeParameter(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
        await ReloadAsync(cancellationToken);
    }

    public IReadOnlyList<Sanction> SanctionsOf(string supplierId) =>
        _bySupplier.TryGetValue(supplierId, out var list) ? list : [];

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        const string Sql = """
            SELECT supplier_id, starts_at, ends_at, reason FROM sanctions
            """;
        var all = new List<Sanction>();
        await using var command = db.DataSource.CreateCommand(Sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            all.Add(new Sanction(
                reader.GetString(0),
                CompraNetDatabase.ReadTime(reader, 1),
                reader.IsDBNull(2) ? null : CompraNetDatabase.ReadTime(reader, 2),
                reader.GetString(3)));
        }

        _bySupplier = all.GroupBy(s => s.SupplierId, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }
}
