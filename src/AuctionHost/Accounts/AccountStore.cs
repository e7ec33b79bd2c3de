using CompraNet.AuctionHost.Hosting;

namespace CompraNet.AuctionHost.Accounts;

/// <summary>Local accounts with hashed passwords (table <c>accounts</c>).</summary>
public sealed class AccountStore(CompraNetDatabase db, TimeProvider time)
{
    private const int MaxReadAttempts = 4;

    public async Task<Account?> FindAsync(string username, CancellationToken cancellationToken = default)
    {
        // After a database outage the pool may still hold connections the outage cut; each is discarded when it
        // fails, so a read that fails transiently is tried again rather than answering 500 to a sign-in.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await FindOnceAsync(username, cancellationToken);
            }
            catch (System.Data.Common.DbException ex) when (ex.IsTransient && attempt < MaxReadAttempts)
            {
            }
        }
    }

    private async Task<Account?> FindOnceAsync(string username, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT username, password_hash, role, display_name FROM accounts WHERE username = @username
            """;
        await using var command = db.DataSource.CreateCommand(Sql);
        CompraNetDatabase.Parameter(command, "username", username);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Account(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))
            : null;
    }

    /// <summary>Creates the account unless the username is taken; true when created.</summary>
    public async Task<bool> CreateAsync(string username, string password, string role, string displayName, CancellationToken cancellationToken = default)
    {
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }

        const string Sql = """
            INSERT INTO accounts (username, password_hash, role, display_name, created_at)
            VALUES (@username, @hash, @role, @name, @at)
            ON CONFLICT (username) DO NOTHING
            """;
        await using var command = db.DataSource.CreateCommand(Sql);
        CompraNetDatabase.Parameter(command, "username", username);
        CompraNetDatabase.Parameter(command, "hash", PasswordHasher.Hash(password));
        CompraNetDatabase.Parameter(command, "role", role);
        CompraNetDatabase.Parameter(command, "name", displayName);
        CompraNetDatabase.Parameter(command, "at", db.TimeParameter(time.GetUtcNow()));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Creates supplier accounts <c>{prefix}-0001</c> … in one transaction (existing ones are kept). They share one
    /// password by construction, so one hash serves them all: seeding thousands of load-test bidders takes seconds.
    /// </summary>
    public async Task<int> SeedSuppliersAsync(string prefix, int count, string password, CancellationToken cancellationToken = default)
    {
        const string Sql = """
            INSERT INTO accounts (username, password_hash, role, display_name, created_at)
            VALUES (@username, @hash, 'supplier', @name, @at)
            ON CONFLICT (username) DO NOTHING
            """;
        var hash = PasswordHasher.Hash(password);
        var at = db.TimeParameter(time.GetUtcNow());
        await using var connection = await db.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var created = 0;
        for (var i = 1; i <= count; i++)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Sql;
            var username = SeededName(prefix, i);
            CompraNetDatabase.Parameter(command, "username", username);
            CompraNetDatabase.Parameter(command, "hash", hash);
            CompraNetDatabase.Parameter(command, "name", $"Seeded supplier {username}");
            CompraNetDatabase.Parameter(command, "at", at);
            created += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    public static string SeededName(string prefix, int index) => $"{prefix}-{index:0000}";

    /// <summary>Which of the ids are supplier accounts (an auction may invite only registered suppliers).</summary>
    public async Task<HashSet<string>> FindSuppliersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            // One parameter per id: "IN (@p0, @p1, ...)" is the form both SQLite and PostgreSQL accept.
            var names = string.Join(", ", chunk.Select((_, i) => $"@p{i}"));
            await using var command = db.DataSource.CreateCommand($"SELECT username FROM accounts WHERE role = 'supplier' AND username IN ({names})");
            for (var i = 0; i < chunk.Length; i++)
            {
                CompraNetDatabase.Parameter(command, $"p{i}", chunk[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(reader.GetString(0));
            }
        }

        return found;
    }
}
