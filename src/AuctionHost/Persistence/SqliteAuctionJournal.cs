using System.Threading.Channels;
using CompraNet.AuctionGrains.Auctions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CompraNet.AuctionHost.Persistence;

/// <summary>
/// The bid journal in the embedded SQLite file. SQLite has one writer at a time, so a single background writer
/// takes every append queued meanwhile, across auctions, into one transaction (cross-auction group commit).
/// </summary>
/// <remarks>
/// If that shared transaction fails, it is rolled back and each append is retried in a transaction of its own,
/// so only the faulty one fails (for example a sequence already taken by another activation), atomically.
/// An append must start right after the auction's durable head: after a failed append, a later one queued by
/// the same auction fails too instead of leaving a gap.
/// Cancellation is honoured until the append's transaction starts; after that the caller learns the outcome.
/// Reads use their own pooled connections (WAL: they never wait for the writer).
/// </remarks>
public sealed partial class SqliteAuctionJournal : IAuctionJournal, IAsyncDisposable
{
    /// <summary>Bounds one group transaction; what is left waits for the next one.</summary>
    private const int MaxAppendsPerTransaction = 1024;

    private readonly SqliteDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<PendingAppend> _queue =
        Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private long _groupsRetriedAlone;

    public SqliteAuctionJournal(SqliteDataSource dataSource, TimeProvider time, ILogger<SqliteAuctionJournal>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(time);
        _dataSource = dataSource;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>How many shared transactions failed and were retried append by append (for tests and diagnostics).</summary>
    internal long GroupsRetriedAlone => Interlocked.Read(ref _groupsRetriedAlone);

    public Task AppendAsync(string auctionId, IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken = default)
    {
        try
        {
            JournalAppend.Validate(JournalTables.Auction, auctionId, entries);
        }
        catch (ArgumentException exception)
        {
            return Task.FromException(exception);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        var pending = new PendingAppend(auctionId, [.. entries], cancellationToken);
        return _queue.Writer.TryWrite(pending)
            ? pending.Completion.Task
            : Task.FromException(new ObjectDisposedException(nameof(SqliteAuctionJournal)));
    }

    public Task<IReadOnlyList<JournalEntry>> ReadAsync(string auctionId, CancellationToken cancellationToken = default) =>
        SqliteJournal.ReadAsync(_dataSource, JournalTables.Auction, auctionId, cancellationToken);

    public async Task<IReadOnlyList<string>> ListUnclosedAsync(CancellationToken cancellationToken = default)
    {
        const string Sql = "SELECT auction_id FROM auction_index WHERE closed = 0 ORDER BY auction_id;";
        await using var connection = await _dataSource.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var auctions = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            auctions.Add(reader.GetString(0));
        }

        return auctions;
    }

    /// <summary>Stops taking appends, writes what is queued, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<PendingAppend>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            while (group.Count < MaxAppendsPerTransaction && _queue.Reader.TryRead(out var pending))
            {
                if (pending.CancellationToken.IsCancellationRequested)
                {
                    pending.Completion.TrySetCanceled(pending.CancellationToken);
                }
                else
                {
                    group.Add(pending);
                }
            }

            if (group.Count > 0)
            {
                WriteGroup(group);
            }
        }
    }

    private void WriteGroup(List<PendingAppend> group)
    {
        try
        {
            WriteInOneTransaction(group);
            foreach (var pending in group)
            {
                pending.Completion.TrySetResult();
            }

            return;
        }
        catch (Exception exception) when (group.Count > 1)
        {
            Interlocked.Increment(ref _groupsRetriedAlone);
            LogGroupFailed(exception, group.Count);
        }
        catch (Exception exception)
        {
            group[0].Completion.TrySetException(exception);
            return;
        }

        foreach (var pending in group)
        {
            try
            {
                WriteInOneTransaction([pending]);
                pending.Completion.TrySetResult();
            }
            catch (Exception exception)
            {
                pending.Completion.TrySetException(exception);
            }
        }
    }

    /// <summary>All or nothing: every entry of every append, plus their <c>auction_index</c> rows.</summary>
    private void WriteInOneTransaction(IReadOnlyList<PendingAppend> appends)
    {
        const string UpsertIndex = """
            INSERT INTO auction_index (auction_id, closed, updated_at)
            VALUES ($auction_id, $closed, $updated_at)
            ON CONFLICT (auction_id) DO UPDATE
                SET closed = max(closed, excluded.closed),
                    updated_at = excluded.updated_at;
            """;

        // Synchronous ADO.NET: Microsoft.Data.Sqlite's async methods run synchronously anyway, and this is the
        // journal's only writer thread.
        using var connection = _dataSource.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var journal = new SqliteJournalWriter<JournalEntry>(transaction, JournalTables.Auction);

        using var index = connection.CreateCommand();
        index.Transaction = transaction;
        index.CommandText = UpsertIndex;
        var indexAuctionId = index.Parameters.Add("$auction_id", SqliteType.Text);
        var closed = index.Parameters.Add("$closed", SqliteType.Integer);
        index.Parameters.AddWithValue("$updated_at", SqliteText.FromTimestamp(_time.GetUtcNow()));
        index.Prepare();

        foreach (var append in appends)
        {
            JournalAppend.EnsureNoGap(JournalTables.Auction, append.AuctionId, journal.ReadHead(append.AuctionId), append.Entries[0].Sequence);
            journal.Insert(append.AuctionId, append.Entries);

            indexAuctionId.Value = append.AuctionId;
            closed.Value = JournalAppend.Closes(append.Entries) ? 1 : 0;
            index.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A group commit of {AppendCount} journal appends failed; retrying each append alone.")]
    private partial void LogGroupFailed(Exception exception, int appendCount);

    private sealed class PendingAppend(string auctionId, JournalEntry[] entries, CancellationToken cancellationToken)
    {
        public string AuctionId { get; } = auctionId;

        public JournalEntry[] Entries { get; } = entries;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        /// <summary>Completed by the writer; continuations run off the writer's thread.</summary>
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
