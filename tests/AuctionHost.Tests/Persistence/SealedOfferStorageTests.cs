using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionGrains.Tenders;
using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Persistence;
using CompraNet.AuctionHost.Tenders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Reminders;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.TestingHost;

namespace CompraNet.AuctionHost.Tests.Persistence;

/// <summary>
/// Reads what a database administrator can read: every stored row of the tender journal and of the grain state,
/// after real tender grains (one silo, the host's storage and AES-GCM sealer) took offers. Before the opening no
/// amount, supplier id, item or technical text may be there in clear; after it, the opening entry shows the live
/// offer's (which also proves the scan would see them), while replaced and withdrawn offers stay sealed.
/// </summary>
public abstract class SealedOfferStorageTests : IAsyncLifetime
{
    private const string Supplier = "proveedor-secreto-7731";
    private const string Rival = "competidor-oculto-5150";
    private const string Amount = "987654.32";
    private const string ItemId = "partida-reservada-42";
    private const string UnitPrice = "4321.09";
    private const string TechnicalText = "Planta embotelladora en Saltillo con capacidad certificada";

    private static readonly string[] OrleansClocks =
    [
        TimeProviderNames.Grains,
        TimeProviderNames.Messaging,
        TimeProviderNames.SystemTimers,
        TimeProviderNames.Membership,
        TimeProviderNames.ActivationManagement,
        TimeProviderNames.GrainDirectory,
        StreamingTimeProviderNames.Streaming,
        ReminderTimeProviderNames.Reminders,
    ];

    private InProcessTestCluster? _cluster;

    private FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2031, 6, 2, 15, 0, 0, TimeSpan.Zero));

    private InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        var (options, postgres) = await PrepareDatabaseAsync();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TimeProvider>(Clock);
            foreach (var clock in OrleansClocks)
            {
                silo.Services.AddKeyedSingleton(clock, TimeProvider.System);
            }

            silo.AddCompraNetGrainStorage(options, postgres);
            silo.Services.AddCompraNetStorage(options, postgres);
            silo.Services.AddSingleton<ITenderSealer>(new AesGcmTenderSealer(RandomNumberGenerator.GetBytes(32)));
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        await CleanUpDatabaseAsync();
    }

    [Fact]
    public async Task StoredRows_BeforeTheOpening_HoldNoOfferInClearAndTheOpeningRevealsThem()
    {
        var tenderId = $"LP-{Guid.NewGuid():N}"[..20];
        var deadline = Clock.GetUtcNow().AddDays(5);
        var grain = Cluster.Client.GetGrain<ITenderGrain>(tenderId);
        var opened = await grain.OpenForOffersAsync(new TenderTerms(tenderId, null, "Agua embotellada", "MXN", deadline, []), "officer1");
        var first = await grain.SubmitOfferAsync(Offer(Supplier, 990_000m));
        var replacing = await grain.SubmitOfferAsync(Offer(Supplier, decimal.Parse(Amount, CultureInfo.InvariantCulture)));
        var rival = await grain.SubmitOfferAsync(Offer(Rival, 999_999.99m));
        var withdrawn = await grain.WithdrawOfferAsync(new WithdrawOffer(Rival, rival.OfferId));

        var sealedRows = await StoredRowsAsync(tenderId);
        Clock.Advance(deadline - Clock.GetUtcNow());
        var opening = await grain.OpenOffersAsync("officer1");
        var openedRows = await StoredRowsAsync(tenderId);

        Assert.All(new[] { opened.IsAccepted, first.IsAccepted, replacing.IsAccepted, rival.IsAccepted, withdrawn.IsAccepted, opening.IsAccepted }, Assert.True);
        Assert.Equal(5, sealedRows.JournalRows);
        foreach (var secret in Secrets())
        {
            Assert.False(Contains(sealedRows.Bytes, secret), $"'{secret}' is stored in clear before the opening.");
        }

        Assert.Equal(6, openedRows.JournalRows);
        foreach (var revealed in new[] { Supplier, Amount, ItemId, UnitPrice, TechnicalText })
        {
            Assert.True(Contains(openedRows.Bytes, revealed), $"'{revealed}' is not in the opening entry: the scan does not see stored text.");
        }

        foreach (var neverRevealed in new[] { Rival, "990000.00", "999999.99" })
        {
            Assert.False(Contains(openedRows.Bytes, neverRevealed), $"'{neverRevealed}' (a replaced or withdrawn offer) is in clear after the opening.");
        }

        Assert.Equal([(Supplier, 987_654.32m)], opening.Opening!.Offers.Select(o => (o.SupplierId, o.Total)));
    }

    protected abstract Task<(CompraNetOptions Options, string? PostgresConnectionString)> PrepareDatabaseAsync();

    protected abstract Task CleanUpDatabaseAsync();

    /// <summary>The database as its administrator reaches it.</summary>
    protected abstract DbDataSource OpenDatabase();

    /// <summary>Raw files of the database to scan besides its rows (the embedded file and its WAL); none for a server.</summary>
    protected virtual IEnumerable<byte[]> RawFiles() => [];

    private static IEnumerable<string> Secrets() => [Supplier, Rival, Amount, "990000.00", "999999.99", ItemId, UnitPrice, TechnicalText];

    private static SubmitOffer Offer(string supplierId, decimal total) =>
        new(supplierId, Guid.NewGuid(), total, [new OfferItemPrice(ItemId, decimal.Parse(UnitPrice, CultureInfo.InvariantCulture), 228.5m)], TechnicalText, [new OfferDocument("propuesta.pdf", new string('e', 64))]);

    /// <summary>True when the text is in the bytes as UTF-8 or UTF-16, however it was stored.</summary>
    private static bool Contains(List<byte[]> stored, string text)
    {
        byte[][] forms = [Encoding.UTF8.GetBytes(text), Encoding.Unicode.GetBytes(text)];
        return stored.Exists(bytes => forms.Any(form => bytes.AsSpan().IndexOf(form) >= 0));
    }

    private async Task<(int JournalRows, List<byte[]> Bytes)> StoredRowsAsync(string tenderId)
    {
        var bytes = new List<byte[]>();
        await using var dataSource = OpenDatabase();
        await using var connection = await dataSource.OpenConnectionAsync();
        var journalRows = 0;
        foreach (var table in new[] { "tender_journal", "orleans_grain_state" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}"; // fixed table names
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    bytes.Add(reader.IsDBNull(i) ? [] : reader.GetValue(i) switch
                    {
                        byte[] blob => blob,
                        var value => Encoding.UTF8.GetBytes(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
                    });
                }

                if (table == "tender_journal" && reader.GetString(0) == tenderId)
                {
                    journalRows++;
                }
            }
        }

        bytes.AddRange(RawFiles());
        return (journalRows, bytes);
    }
}
