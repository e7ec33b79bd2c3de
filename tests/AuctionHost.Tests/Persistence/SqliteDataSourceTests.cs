using CompraNet.AuctionHost.Persistence;
using CompraNet.AuctionHost.Tests.Infrastructure;

namespace CompraNet.AuctionHost.Tests.Persistence;

public sealed class SqliteDataSourceTests
{
    [Fact]
    public async Task CreateConnection_OpenedByTheCaller_GetsThePragmas()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var connection = database.DataSource.CreateConnection();

        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT synchronous FROM pragma_synchronous), (SELECT timeout FROM pragma_busy_timeout);";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.Equal(2L, reader.GetInt64(0)); // FULL
        Assert.Equal((long)SqliteDataSource.BusyTimeout.TotalMilliseconds, reader.GetInt64(1));
    }

    [Fact]
    public void Constructor_RelativePath_KeepsTheFullPath()
    {
        var dataSource = new SqliteDataSource(Path.Combine("data", "compranet.db"));

        Assert.Equal(Path.GetFullPath(Path.Combine("data", "compranet.db")), dataSource.DatabasePath);
        Assert.Contains(dataSource.DatabasePath, dataSource.ConnectionString, StringComparison.Ordinal);
    }
}
