using System.Reflection;
using CompraNet.AuctionHost.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CompraNet.AuctionHost.Persistence;

/// <summary>
/// Applies the versioned SQL scripts embedded under <c>Persistence/Schema/{Sqlite|Postgres}/NNN_name.sql</c>
/// and records each in <c>schema_migrations</c>. Safe to run at every start: applied versions are skipped.
/// Other assemblies (the portal) add their own scripts the same way, under the same resource names, with
/// versions of their own range (the portal's start at 101): one table, one order, one transaction.
/// </summary>
/// <remarks>
/// Run it before the silo starts: the Orleans grain storage reads its queries from <c>OrleansQuery</c> at
/// start-up. SQLite: one <c>BEGIN IMMEDIATE</c> transaction (the file's write lock serialises concurrent
/// starts) after switching the file to WAL. PostgreSQL: one transaction that first takes a transaction-scoped
/// advisory lock, so two hosts starting together apply each script once; DDL rolls back with it on failure.
/// </remarks>
public static class SchemaMigrator
{
    /// <summary>Key of the PostgreSQL advisory lock held while migrating ("CNschema" as ASCII).</summary>
    private const long PostgresLockKey = 0x434E_7363_6865_6D61;

    private const string ResourcePrefix = "Schema/";

    /// <summary>
    /// Migrates the database selected by <paramref name="options"/>: the SQLite file under
    /// <see cref="CompraNetOptions.DataDirectory"/> (created when missing) or the PostgreSQL database.
    /// </summary>
    /// <returns>The scripts applied by this call, in order (empty when the schema was current).</returns>
    public static async Task<IReadOnlyList<string>> MigrateAsync(
        CompraNetOptions options, string? postgresConnectionString, CancellationToken cancellationToken = default, IReadOnlyList<Assembly>? modules = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(postgresConnectionString))
            {
                throw new InvalidOperationException(
                    "CompraNet:Storage is 'postgres' but no PostgreSQL connection string was given.");
            }

            await using var dataSource = NpgsqlDataSource.Create(postgresConnectionString);
            return await MigratePostgresAsync(dataSource, cancellationToken, modules).ConfigureAwait(false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(options.SqlitePath)!); // SqlitePath is a full path
        return await MigrateSqliteAsync(new SqliteDataSource(options.SqlitePath), cancellationToken, modules).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<string>> MigrateSqliteAsync(
        SqliteDataSource dataSource, CancellationToken cancellationToken = default, IReadOnlyList<Assembly>? modules = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);

        // journal_mode cannot change inside a transaction; it persists in the file once set.
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = (string?)await wal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused WAL mode for {dataSource.DatabasePath} (got '{mode}').");
            }
        }

        await using var transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: take the write lock now
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = """
                CREATE TABLE IF NOT EXISTS schema_migrations
                (
                    version    INTEGER NOT NULL PRIMARY KEY,
                    name       TEXT    NOT NULL,
                    applied_at TEXT    NOT NULL
                );
                """;
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var applied = new HashSet<int>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT version FROM schema_migrations;";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var appliedNow = new List<string>();
        foreach (var script in LoadScripts("Sqlite", modules).Where(s => !applied.Contains(s.Version)))
        {
            await using (var run = connection.CreateCommand())
            {
                run.Transaction = transaction;
                run.CommandText = script.Sql;
                await run.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $applied_at);";
                record.Parameters.AddWithValue("$version", script.Version);
                record.Parameters.AddWithValue("$name", script.Name);
                record.Parameters.AddWithValue("$applied_at", SqliteText.FromTimestamp(DateTimeOffset.UtcNow));
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            appliedNow.Add(script.Name);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return appliedNow;
    }

    public static async Task<IReadOnlyList<string>> MigratePostgresAsync(
        NpgsqlDataSource dataSource, CancellationToken cancellationToken = default, IReadOnlyList<Assembly>? modules = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        await using (var prepare = new NpgsqlCommand(
            """
            SELECT pg_advisory_xact_lock(@lock_key);
            CREATE TABLE IF NOT EXISTS schema_migrations
            (
                version    integer     NOT NULL PRIMARY KEY,
                name       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            """, connection, transaction))
        {
            prepare.Parameters.AddWithValue("lock_key", PostgresLockKey);
            await prepare.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var applied = new HashSet<int>();
        await using (var select = new NpgsqlCommand("SELECT version FROM schema_migrations", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var appliedNow = new List<string>();
        foreach (var script in LoadScripts("Postgres", modules).Where(s => !applied.Contains(s.Version)))
        {
            // No parameters: the script runs as written (the @names inside the Orleans queries stay text).
            await using (var run = new NpgsqlCommand(script.Sql, connection, transaction))
            {
                await run.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (version, name) VALUES (@version, @name)", connection, transaction))
            {
                record.Parameters.AddWithValue("version", script.Version);
                record.Parameters.AddWithValue("name", script.Name);
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            appliedNow.Add(script.Name);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return appliedNow;
    }

    /// <summary>The PostgreSQL scripts not yet applied (all of them on an empty database); migrating is left to <c>migrate</c>.</summary>
    public static async Task<IReadOnlyList<string>> PendingPostgresAsync(
        NpgsqlDataSource dataSource, CancellationToken cancellationToken = default, IReadOnlyList<Assembly>? modules = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var applied = new HashSet<int>();
        await using (var exists = dataSource.CreateCommand("SELECT to_regclass('schema_migrations') IS NOT NULL"))
        {
            if ((bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                await using var select = dataSource.CreateCommand("SELECT version FROM schema_migrations");
                await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }
        }

        return [.. LoadScripts("Postgres", modules).Where(s => !applied.Contains(s.Version)).Select(s => s.Name)];
    }

    /// <summary>The embedded scripts of one database, this assembly's and the modules', ordered by their numeric prefix.</summary>
    internal static IReadOnlyList<SchemaScript> LoadScripts(string database, IReadOnlyList<Assembly>? modules = null)
    {
        var prefix = $"{ResourcePrefix}{database}/";
        var scripts = new List<SchemaScript>();
        foreach (var assembly in new[] { typeof(SchemaMigrator).Assembly }.Concat(modules ?? []).Distinct())
        {
            foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
            {
                var name = Path.GetFileNameWithoutExtension(resource[prefix.Length..]);
                var separator = name.IndexOf('_', StringComparison.Ordinal);
                if (separator <= 0 || !int.TryParse(name.AsSpan(0, separator), out var version))
                {
                    throw new InvalidOperationException($"Schema script '{resource}' of {assembly.GetName().Name} must be named NNN_description.sql.");
                }

                using var stream = assembly.GetManifestResourceStream(resource)!; // listed by GetManifestResourceNames
                using var text = new StreamReader(stream);
                scripts.Add(new SchemaScript(version, name, text.ReadToEnd()));
            }
        }

        if (scripts.Count == 0)
        {
            throw new InvalidOperationException($"No embedded schema scripts found under '{prefix}'.");
        }

        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two {database} schema scripts share version {duplicate.Key}: {string.Join(", ", duplicate.Select(s => s.Name))}.");
        }

        return [.. scripts.OrderBy(s => s.Version)];
    }

    internal sealed record SchemaScript(int Version, string Name, string Sql);
}
