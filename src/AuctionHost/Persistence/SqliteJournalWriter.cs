using Microsoft.Data.Sqlite;

namespace CompraNet.AuctionHost.Persistence;

/// <summary>
/// The head query and the entry insert of one journal table, prepared once inside a caller's write transaction
/// and reused for every append in it. The caller decides what an empty journal's head means and commits.
/// </summary>
internal sealed class SqliteJournalWriter<TEntry> : IDisposable
{
    private readonly JournalTable<TEntry> _table;
    private readonly SqliteCommand _head;
    private readonly SqliteParameter _headKey;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _key;
    private readonly SqliteParameter _sequence;
    private readonly SqliteParameter _type;
    private readonly SqliteParameter _at;
    private readonly SqliteParameter _payload;
    private readonly SqliteParameter _previousHash;
    private readonly SqliteParameter _hash;

    public SqliteJournalWriter(SqliteTransaction transaction, JournalTable<TEntry> table)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var connection = transaction.Connection ?? throw new ArgumentException("The transaction has completed.", nameof(transaction));
        _table = table;

        _insert = connection.CreateCommand();
        _head = connection.CreateCommand();
        try
        {
            _insert.Transaction = transaction;
            _insert.CommandText = $"""
                INSERT INTO {table.Name} ({table.KeyColumn}, sequence, type, at, payload, previous_hash, hash)
                VALUES (${table.KeyColumn}, $sequence, $type, $at, $payload, $previous_hash, $hash);
                """;
            _key = _insert.Parameters.Add("$" + table.KeyColumn, SqliteType.Text);
            _sequence = _insert.Parameters.Add("$sequence", SqliteType.Integer);
            _type = _insert.Parameters.Add("$type", SqliteType.Text);
            _at = _insert.Parameters.Add("$at", SqliteType.Text);
            _payload = _insert.Parameters.Add("$payload", SqliteType.Text);
            _previousHash = _insert.Parameters.Add("$previous_hash", SqliteType.Text);
            _hash = _insert.Parameters.Add("$hash", SqliteType.Text);
            _insert.Prepare();

            _head.Transaction = transaction;
            _head.CommandText = $"SELECT max(sequence) FROM {table.Name} WHERE {table.KeyColumn} = ${table.KeyColumn};";
            _headKey = _head.Parameters.Add("$" + table.KeyColumn, SqliteType.Text);
            _head.Prepare();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The highest durable sequence of <paramref name="key"/>, or null when it has no entries.</summary>
    public long? ReadHead(string key)
    {
        _headKey.Value = key;
        return _head.ExecuteScalar() is long head ? head : null;
    }

    /// <summary>Inserts the entries, one row each; a taken sequence fails on the primary key.</summary>
    public void Insert(string key, IReadOnlyList<TEntry> entries)
    {
        _key.Value = key;
        foreach (var entry in entries)
        {
            var columns = _table.ColumnsOf(entry);
            _sequence.Value = columns.Sequence;
            _type.Value = columns.Type;
            _at.Value = SqliteText.FromTimestamp(columns.At);
            _payload.Value = columns.Payload;
            _previousHash.Value = columns.PreviousHash;
            _hash.Value = columns.Hash;
            _insert.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        _insert.Dispose();
        _head.Dispose();
    }
}
