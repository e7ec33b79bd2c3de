using System.Runtime.CompilerServices;
using Npgsql;

namespace CompraNet.AuctionHost.Persistence;

/// <summary>
/// The append and read paths both PostgreSQL journals share. Each journal keeps its own append statement (its head
/// rule and, for auctions, the index upsert); this binds the entries to it and reads the outcome.
/// </summary>
internal static class NpgsqlJournal
{
    /// <summary>
    /// Validates the entries, then runs <paramref name="sql"/> once with the key (<c>@</c> + key column),
    /// <c>@first_sequence</c> and the entries' columns as arrays (<c>@sequences</c>, <c>@types</c>, <c>@ats</c>,
    /// <c>@payloads</c>, <c>@previous_hashes</c>, <c>@hashes</c>) plus whatever <paramref name="addParameters"/>
    /// adds. The statement answers one row (rows appended, durable head); fewer rows than entries is a gap.
    /// </summary>
    public static async Task AppendAsync<TEntry>(
        NpgsqlDataSource dataSource,
        JournalTable<TEntry> table,
        string sql,
        string key,
        IReadOnlyList<TEntry> entries,
        Action<NpgsqlParameterCollection>? addParameters,
        CancellationToken cancellationToken,
        [CallerArgumentExpression(nameof(key))] string? keyParameter = null)
    {
        JournalAppend.Validate(table, key, entries, keyParameter);
        cancellationToken.ThrowIfCancellationRequested();
        if (entries.Count == 0)
        {
            return;
        }

        JournalColumns[] rows = [.. entries.Select(table.ColumnsOf)];
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string>(table.KeyColumn, key));
        command.Parameters.Add(new NpgsqlParameter<long>("first_sequence", rows[0].Sequence));
        command.Parameters.Add(new NpgsqlParameter<long[]>("sequences", [.. rows.Select(r => r.Sequence)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("types", [.. rows.Select(r => r.Type)]));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("ats", [.. rows.Select(r => r.At.ToUniversalTime())]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("payloads", [.. rows.Select(r => r.Payload)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("previous_hashes", [.. rows.Select(r => r.PreviousHash)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("hashes", [.. rows.Select(r => r.Hash)]));
        addParameters?.Invoke(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var appended = reader.GetInt64(0);
        long? head = reader.IsDBNull(1) ? null : reader.GetInt64(1);
        if (appended != rows.Length)
        {
            throw JournalAppend.GapException(table, key, head, rows[0].Sequence);
        }
    }

    /// <summary>Every entry of <paramref name="key"/> in sequence order; empty when it has none.</summary>
    public static async Task<IReadOnlyList<TEntry>> ReadAsync<TEntry>(
        NpgsqlDataSource dataSource,
        JournalTable<TEntry> table,
        string key,
        CancellationToken cancellationToken,
        [CallerArgumentExpression(nameof(key))] string? keyParameter = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(key, keyParameter);
        var sql = $"""
            SELECT sequence, type, at, payload, previous_hash, hash
            FROM {table.Name}
            WHERE {table.KeyColumn} = @{table.KeyColumn}
            ORDER BY sequence
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string>(table.KeyColumn, key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<TEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(table.Create(key, new JournalColumns(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5))));
        }

        return entries;
    }
}
