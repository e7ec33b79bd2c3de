using System.Runtime.CompilerServices;

namespace CompraNet.AuctionHost.Persistence;

/// <summary>The read path both SQLite journals share; their writes go through <see cref="SqliteJournalWriter{TEntry}"/>.</summary>
internal static class SqliteJournal
{
    /// <summary>Every entry of <paramref name="key"/> in sequence order; empty when it has none.</summary>
    public static async Task<IReadOnlyList<TEntry>> ReadAsync<TEntry>(
        SqliteDataSource dataSource,
        JournalTable<TEntry> table,
        string key,
        CancellationToken cancellationToken,
        [CallerArgumentExpression(nameof(key))] string? keyParameter = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(key, keyParameter);
        var sql = $"""
            SELECT sequence, type, at, payload, previous_hash, hash
            FROM {table.Name}
            WHERE {table.KeyColumn} = ${table.KeyColumn}
            ORDER BY sequence;
            """;
        await using var connection = await dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$" + table.KeyColumn, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<TEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(table.Create(key, new JournalColumns(
                reader.GetInt64(0),
                reader.GetString(1),
                SqliteText.ToTimestamp(reader.GetString(2)),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5))));
        }

        return entries;
    }
}
