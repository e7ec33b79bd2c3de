using CompraNet.AuctionHost.Accounts;
using CompraNet.AuctionHost.Admin;
using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Persistence;
using CompraNet.ProcurementPortal.Admin;
using CompraNet.ProcurementPortal.Features.Interconnection;
using CompraNet.ProcurementPortal.Hosting;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Tests.Admin;

/// <summary><c>api-clients add</c> beside the portal's other commands, through the combined extension Program.cs passes.</summary>
public sealed class InterconnectionAdminCommandsTests : IDisposable
{
    private static readonly AdminExtension Extension = AdminExtensionSet.Combine(PortalAdminCommands.Extension, InterconnectionAdminCommands.Extension);

    private readonly string _data = Directory.CreateTempSubdirectory("compranet-admin-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task ApiClientsAdd_StoresTheClientWithAHashedSecret_AndTheOtherCommandsStillRun()
    {
        Assert.Equal(0, await Run("api-clients", "add", "shcp-presupuesto", "--name", "SHCP Presupuesto", "--scopes", "budget, webhooks"));
        Assert.Equal(2, await Run("api-clients", "add", "shcp-presupuesto", "--name", "Otra", "--scopes", "budget"));
        Assert.Equal(0, await Run("units", "add", "UC-09", "--name", "Compras 9", "--institution", "Instituto 9"));

        var db = new PortalDb(new CompraNetDatabase(new SqliteDataSource(Path.Combine(_data, "compranet.db")), isPostgres: false));
        var (client, hash) = (await new ApiClientStore(db).FindAsync("shcp-presupuesto"))!.Value;
        Assert.Equal("SHCP Presupuesto", client.Name);
        Assert.Equal(["budget", "webhooks"], client.Scopes);
        Assert.False(client.Disabled);
        Assert.StartsWith("pbkdf2-sha256$", hash, StringComparison.Ordinal);
        Assert.False(PasswordHasher.Verify("", hash));
    }

    [Fact]
    public async Task ApiClientsDisableEnableRotate_ChangeTheStoredClient_AndUnknownClientsFail()
    {
        Assert.Equal(0, await Run("api-clients", "add", "tesofe", "--name", "Tesorería", "--scopes", "treasury"));
        var db = new PortalDb(new CompraNetDatabase(new SqliteDataSource(Path.Combine(_data, "compranet.db")), isPostgres: false));
        var store = new ApiClientStore(db);
        var (_, firstHash) = (await store.FindAsync("tesofe"))!.Value;

        Assert.Equal(0, await Run("api-clients", "disable", "tesofe"));
        var disabled = (await store.FindAsync("tesofe"))!.Value.Client;
        Assert.Equal(0, await Run("api-clients", "enable", "tesofe"));
        Assert.Equal(0, await Run("api-clients", "rotate", "tesofe"));
        var (rotated, secondHash) = (await store.FindAsync("tesofe"))!.Value;
        Assert.Equal(0, await Run("api-clients", "list"));

        Assert.True(disabled.Disabled);
        Assert.NotNull(disabled.CredentialsChangedAt);
        Assert.False(rotated.Disabled);
        Assert.NotEqual(firstHash, secondHash);
        Assert.Equal(2, await Run("api-clients", "disable", "nobody"));
        Assert.Equal(2, await Run("api-clients", "rotate", "nobody"));
        Assert.Single(await store.ListAsync());
    }

    [Theory]
    [InlineData("api-clients", "add", "x y", "--name", "X", "--scopes", "budget")]
    [InlineData("api-clients", "add", "x", "--scopes", "budget")]
    [InlineData("api-clients", "add", "x", "--name", "X", "--scopes", "budget,admin")]
    [InlineData("api-clients", "add", "x", "--name", "X")]
    [InlineData("api-clients", "remove", "x")]
    public async Task BadApiClientCommands_FailWithUsage(params string[] args) =>
        Assert.Equal(2, await Run(args));

    private async Task<int> Run(params string[] args) =>
        await AdminCommands.TryRunAsync([.. args, $"--CompraNet:DataDirectory={_data}"], [typeof(PortalHost).Assembly], Extension) ?? -1;
}
