using System.Data.Common;

namespace CompraNet.AuctionHost.Hosting;

/// <summary>
/// The host's relational database (SQLite file or PostgreSQL) for its own small stores (accounts, sanctions,
/// the auction catalogue). Both take <c>@name</c> parameters; only times differ: SQLite keeps ISO-8601 text.
/// </summary>
public sealed class CompraNetDatabase(DbDataSource dataSource, bool isPostgres)
{
    public DbDataSource DataSource { get; } = dataSource;

    public bool IsPostgres { get; } = isPostgres;

    public object TimeParameter(DateTimeOffset at) =>
        IsPostgres ? at.UtcDateTime : Persistence.SqliteText.FromTimestamp(at);

    public static DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        reader.GetValue(ordinal) switch
        {
            DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
            DateTimeOffset dto => dto.ToUniversalTime(),
            string text => Persistence.SqliteText.ToTimestamp(text),
            var other => throw new InvalidCastException($"Not a time: {other}"),
        };

    public static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
        return p;
    }
}
