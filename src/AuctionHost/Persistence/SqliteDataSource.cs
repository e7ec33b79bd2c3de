using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CompraNet.AuctionHost.Persistence;

/// <summary>
/// The embedded database file as a <see cref="DbDataSource"/>: every connection it opens, including the Orleans
/// ADO.NET provider's, waits for the single writer instead of failing and syncs each commit to disk.
/// </summary>
/// <remarks>
/// Connection string: <c>Mode=ReadWriteCreate; Cache=Private; Pooling=True; Default Timeout=30</c>.
/// Per connection: <c>PRAGMA synchronous = FULL</c> (an acknowledged commit survives power loss) and
/// <c>PRAGMA busy_timeout = 30000</c>. <c>journal_mode = WAL</c> is a property of the file that
/// <see cref="SchemaMigrator"/> sets, so readers never block the writer.
/// </remarks>
public sealed class SqliteDataSource : DbDataSource
{
    /// <summary>How long a statement waits for the write lock before it fails.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    public SqliteDataSource(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
    }

    public string DatabasePath { get; }

    public override string ConnectionString { get; }

    /// <summary>Opens a pooled connection with the pragmas applied.</summary>
    public async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = CreateSqliteConnection();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens a pooled connection with the pragmas applied, synchronously.</summary>
    public SqliteConnection Open()
    {
        var connection = CreateSqliteConnection();
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Releases the pooled connections of this file (before deleting or moving it).</summary>
    public void ClearPool()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    protected override DbConnection CreateDbConnection() => CreateSqliteConnection();

    protected override DbConnection OpenDbConnection() => Open();

    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken) =>
        await OpenAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>A connection that applies the pragmas each time it opens, however it is opened.</summary>
    private SqliteConnection CreateSqliteConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.StateChange += (sender, change) =>
        {
            if (change.CurrentState == ConnectionState.Open && sender is SqliteConnection opened)
            {
                ApplyPragmas(opened);
            }
        };
        return connection;
    }

    private static void ApplyPragmas(SqliteConnection connection)
    {
        // Pragmas cannot take parameters; the values are constants.
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};";
        command.ExecuteNonQuery();
    }
}
