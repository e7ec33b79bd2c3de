using CompraNet.AuctionGrains.Tenders;
using CompraNet.AuctionHost.Persistence;
using CompraNet.AuctionHost.Tests.Infrastructure;
using Npgsql;

namespace CompraNet.AuctionHost.Tests.Persistence;

/// <summary>The tender journal contract on the shared test database; every test uses its own tender ids.</summary>
[Collection(PostgresCollection.Name)]
public sealed class NpgsqlTenderJournalTests(PostgresFixture postgres) : TenderJournalContractTests
{
    [Fact]
    public async Task Truncate_TenderJournal_RefusedByTheDatabase()
    {
        var tender = NewTenderId();
        var entries = Entries(tender, from: 1, count: 1);
        await Journal.AppendAsync(tender, entries);

        var exception = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("TRUNCATE tender_journal", tender));

        Assert.Contains("append-only", exception.MessageText, StringComparison.Ordinal);
        Assert.Equal(entries, await Journal.ReadAsync(tender));
    }

    [Fact]
    public async Task AppendAsync_SequenceAlreadyTaken_ThrowsUniqueViolation()
    {
        var tender = NewTenderId();
        await Journal.AppendAsync(tender, Entries(tender, from: 1, count: 1));

        var exception = await Assert.ThrowsAsync<PostgresException>(() => Journal.AppendAsync(tender, Entries(tender, from: 1, count: 2)));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, exception.SqlState);
    }

    protected override Task<ITenderJournal> CreateJournalAsync() =>
        Task.FromResult<ITenderJournal>(new NpgsqlTenderJournal(postgres.DataSource));

    protected override async Task ExecuteAsync(string sql, string tenderId)
    {
        await using var command = postgres.DataSource.CreateCommand(sql.Replace("{tender}", "@tender", StringComparison.Ordinal));
        command.Parameters.Add(new NpgsqlParameter<string>("tender", tenderId));
        await command.ExecuteNonQueryAsync();
    }
}
