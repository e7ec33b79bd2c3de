using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionGrains.Tenders;
using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Persistence;
using CompraNet.AuctionHost.Tenders;
using CompraNet.AuctionHost.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace CompraNet.AuctionHost.Tests.Tenders;

/// <summary>The host wires the tender grain: its journal on the host's database, the AES-GCM sealer and the master key.</summary>
public sealed class TenderHostingTests
{
    [Fact]
    public async Task EmbeddedHost_TenderGrain_SealsIntoTheSqliteJournalWithAGeneratedKeyFile()
    {
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?> { ["CompraNet:DemoData"] = "false" });
        var tenderId = $"LP-host-{Guid.NewGuid():N}"[..20];
        var grain = host.Service<IGrainFactory>().GetGrain<ITenderGrain>(tenderId);

        var opened = await grain.OpenForOffersAsync(new TenderTerms(tenderId, null, "Papelería", "MXN", DateTimeOffset.UtcNow.AddDays(2), []), "officer1");
        var offer = await grain.SubmitOfferAsync(new SubmitOffer("supplier1", Guid.NewGuid(), 12_345.67m, [], "Entrega en 5 días", []));
        var early = await grain.OpenOffersAsync("officer1");

        Assert.True(opened.IsAccepted, opened.Message);
        Assert.True(offer.IsAccepted, offer.Message);
        Assert.Equal(TenderRefusalCodes.TooEarly, early.Code);
        Assert.IsType<AesGcmTenderSealer>(host.Service<ITenderSealer>());
        Assert.IsType<SqliteTenderJournal>(host.Service<ITenderJournal>());
        Assert.True(File.Exists(Path.Combine(host.DataDirectory, TenderKeyProvider.KeyFileName)));
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "compranet.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(payload, '') FROM tender_journal WHERE tender_id = $tender";
        command.Parameters.AddWithValue("$tender", tenderId);
        var stored = (string)(await command.ExecuteScalarAsync())!;
        Assert.Contains("\"type\":\"offer-submitted\"", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("supplier1", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("12345.67", stored, StringComparison.Ordinal);
        Assert.Equal(1, (await grain.GetStatusAsync(Viewer.Public))!.LiveOffers);
    }

    [Fact]
    public void ValidateMode_ClusterWithEverythingButTheTenderKey_NamesOnlyIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CompraNet:Mode"] = "cluster",
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Database=compranet",
            ["ConnectionStrings:Redis"] = "127.0.0.1:6379",
            ["CompraNet:Auth:SigningKey"] = Convert.ToBase64String(new byte[48]),
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => ClusterHostingExtensions.ValidateMode(configuration, configuration.GetCompraNetOptions()));

        Assert.Contains("CompraNet:Tenders:MasterKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SigningKey", error.Message, StringComparison.Ordinal);
    }
}
