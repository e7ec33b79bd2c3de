using CompraNet.AuctionHost.Admin;
using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Persistence;
using CompraNet.ProcurementPortal.Admin;
using CompraNet.ProcurementPortal.Features.Suppliers;
using CompraNet.ProcurementPortal.Features.Units;
using CompraNet.ProcurementPortal.Hosting;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Tests.Admin;

/// <summary>The operator's commands for buying units, officials and the supplier registry (what cluster deployments use instead of demo data).</summary>
public sealed class PortalAdminCommandsTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("compranet-admin-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task UnitsOfficialsSuppliers_AddedThroughTheCommands_AreThere()
    {
        Assert.Equal(0, await Run("accounts", "add", "jefa7", "officer", "--password", "s3cret-1"));
        Assert.Equal(0, await Run("accounts", "add", "prov7", "supplier", "--password", "s3cret-1"));
        Assert.Equal(0, await Run("units", "add", "UC-07", "--name", "Compras 7", "--institution", "Instituto 7", "--cap", "25"));
        Assert.Equal(0, await Run("units", "add", "UC-07", "--name", "Otro", "--institution", "Otro"));
        Assert.Equal(0, await Run("officials", "add", "jefa7", "UC-07", "--position", "Jefa de compras"));
        Assert.Equal(0, await Run("suppliers", "add", "prov7", "--legal-name", "Proveedor Siete S.A.", "--rfc", "pse070707ab7", "--sme"));

        var db = new PortalDb(new CompraNetDatabase(new SqliteDataSource(Path.Combine(_data, "compranet.db")), isPostgres: false));
        var unit = await new UnitStore(db, TimeProvider.System).FindAsync("UC-07");
        Assert.Equal(new BuyingUnit("UC-07", "Compras 7", "Instituto 7", 25), unit);
        Assert.Equal("UC-07", await new UnitStore(db, TimeProvider.System).UnitOfAsync("jefa7"));
        Assert.Equal(new RegisteredSupplier("prov7", "Proveedor Siete S.A.", "PSE070707AB7", true, "MX"), await new SupplierStore(db, TimeProvider.System).FindAsync("prov7"));
    }

    [Theory]
    [InlineData("units", "add", "UC 07", "--name", "x", "--institution", "y")]
    [InlineData("units", "add", "UC-08", "--name", "x")]
    [InlineData("units", "add", "UC-08", "--name", "x", "--institution", "y", "--cap", "101")]
    [InlineData("officials", "add", "nobody", "UC-07", "--position", "Jefe")]
    [InlineData("suppliers", "add", "nobody", "--legal-name", "X", "--rfc", "XXX010101XX1")]
    [InlineData("units", "remove", "UC-07")]
    public async Task BadCommands_FailWithUsage(params string[] args) =>
        Assert.Equal(2, await Run(args));

    [Fact]
    public async Task OfficialOfAMissingUnit_OrASupplierWithABadRfc_IsRefused()
    {
        Assert.Equal(0, await Run("accounts", "add", "jefa8", "officer", "--password", "s3cret-1"));
        Assert.Equal(0, await Run("accounts", "add", "prov8", "supplier", "--password", "s3cret-1"));

        Assert.Equal(2, await Run("officials", "add", "jefa8", "UC-NONE", "--position", "Jefa"));
        Assert.Equal(2, await Run("officials", "add", "prov8", "UC-NONE", "--position", "Jefa"));
        Assert.Equal(2, await Run("suppliers", "add", "prov8", "--legal-name", "P8", "--rfc", "123"));
    }

    private async Task<int> Run(params string[] args) =>
        await AdminCommands.TryRunAsync([.. args, $"--CompraNet:DataDirectory={_data}"], [typeof(PortalHost).Assembly], PortalAdminCommands.Extension) ?? -1;
}
