using System.Data.Common;
using System.Globalization;
using CompraNet.AuctionHost.Hosting;
using Npgsql;
using NpgsqlTypes;

namespace CompraNet.ProcurementPortal.Persistence;

/// <summary>
/// The portal's access to the shared database (the engine's SQLite file or PostgreSQL). Statements are written once
/// with <c>@name</c> parameters, which both providers take; what differs (times, booleans, JSON) is bound here.
/// </summary>
public sealed class PortalDb(CompraNetDatabase database)
{
    private const string SqliteTime = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public bool IsPostgres => database.IsPostgres;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = database.DataSource.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public void AddTime(DbCommand command, string name, DateTimeOffset? value)
    {
        if (command is NpgsqlCommand npgsql)
        {
            // Typed, so "@since IS NULL" works without a value to infer the type from.
            npgsql.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = value is { } v ? v.UtcDateTime : DBNull.Value });
            return;
        }

        Add(command, name, value?.UtcDateTime.ToString(SqliteTime, CultureInfo.InvariantCulture));
    }

    /// <summary>A text parameter that may be null, typed so PostgreSQL accepts "@p IS NULL".</summary>
    public static void AddText(DbCommand command, string name, string? value)
    {
        if (command is NpgsqlCommand npgsql)
        {
            npgsql.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value });
            return;
        }

        Add(command, name, value);
    }

    public void AddJson(DbCommand command, string name, string json)
    {
        if (command is NpgsqlCommand npgsql)
        {
            npgsql.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = json });
            return;
        }

        Add(command, name, json);
    }

    public static DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => CompraNetDatabase.ReadTime(reader, ordinal);

    public static DateTimeOffset? ReadNullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : CompraNetDatabase.ReadTime(reader, ordinal);

    public static string? ReadNullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static bool ReadBool(DbDataReader reader, int ordinal) => Convert.ToBoolean(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <summary>Whether SQLite refused a write because another connection wrote first (SQLITE_BUSY and its variants).</summary>
    public static bool IsBusy(Exception ex) => ex is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 };

    /// <summary>Whether the exception is a unique-key violation (a second row for the same key).</summary>
    public static bool IsUniqueViolation(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase)
            || sqlite.SqliteExtendedErrorCode is 1555 or 2067,
        _ => false,
    };
}
