using CompraNet.AuctionGrains.Tenders;
using CompraNet.AuctionHost.Persistence;
using CompraNet.AuctionHost.Tests.Infrastructure;

namespace CompraNet.AuctionHost.Tests.Persistence;

public sealed class SqliteTenderJournalTests : TenderJournalContractTests
{
    private SqliteTestDatabase? _database;

    protected override async Task<ITenderJournal> CreateJournalAsync()
    {
        _database ??= await SqliteTestDatabase.CreateAsync();
        return new SqliteTenderJournal(new SqliteDataSource(_database.Path));
    }

    protected override async Task CleanUpAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override async Task ExecuteAsync(string sql, string tenderId)
    {
        await using var connection = await _database!.DataSource.OpenAsync(); // created by CreateJournalAsync, which runs first
        await using var command = connection.CreateCommand();
        command.CommandText = sql.Replace("{tender}", "$tender", StringComparison.Ordinal);
        command.Parameters.AddWithValue("$tender", tenderId);
        await command.ExecuteNonQueryAsync();
    }
}
