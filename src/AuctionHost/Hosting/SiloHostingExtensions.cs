using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionGrains.Tenders;
using CompraNet.AuctionHost.Auctions;
using CompraNet.AuctionHost.Persistence;
using CompraNet.AuctionHost.Sanctions;
using CompraNet.AuctionHost.Tenders;
using Npgsql;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace CompraNet.AuctionHost.Hosting;

/// <summary>The Orleans silo this host co-hosts, its storage and what the grains reach the host through.</summary>
public static class SiloHostingExtensions
{
    public const string PostgresConnectionName = "Postgres";

    public static CompraNetOptions GetCompraNetOptions(this IConfiguration configuration) =>
        configuration.GetSection(CompraNetOptions.SectionName).Get<CompraNetOptions>() ?? new CompraNetOptions();

    public static WebApplicationBuilder AddAuctionSilo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetCompraNetOptions();
        ClusterHostingExtensions.ValidateMode(builder.Configuration, options);
        var postgres = builder.Configuration.GetConnectionString(PostgresConnectionName);
        if (options.IsPostgres && string.IsNullOrWhiteSpace(postgres))
        {
            throw new InvalidOperationException("CompraNet:Storage=postgres needs ConnectionStrings:Postgres (e.g. Host=127.0.0.1;Port=5432;Database=compranet;Username=compranet).");
        }

        builder.Services.AddOptions<CompraNetOptions>().BindConfiguration(CompraNetOptions.SectionName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddCompraNetStorage(options, postgres);
        builder.Services.AddSingleton(sp => options.IsPostgres
            ? new CompraNetDatabase(sp.GetRequiredService<NpgsqlDataSource>(), isPostgres: true)
            : new CompraNetDatabase(sp.GetRequiredService<SqliteDataSource>(), isPostgres: false));

        // Embedded mode migrates at start (before the silo reads its queries); PostgreSQL is migrated by `migrate`.
        if (options.IsEmbedded)
        {
            builder.Services.AddHostedService<EmbeddedMigration>();
        }
        else
        {
            builder.Services.AddHostedService<PostgresSchemaCheck>();
        }

        builder.Services.AddSingleton<SanctionRegistry>();
        builder.Services.AddSingleton<ISanctionRegistry>(sp => sp.GetRequiredService<SanctionRegistry>());
        builder.Services.AddHostedService<SanctionRefresher>();
        builder.Services.AddSingleton<AuctionCatalog>();

        // Resolved now, so a missing or malformed master key stops the host at start rather than at the first offer.
        var tenders = builder.Configuration.GetSection(TenderOptions.SectionName).Get<TenderOptions>() ?? new TenderOptions();
        builder.Services.AddSingleton<ITenderSealer>(new AesGcmTenderSealer(TenderKeyProvider.Resolve(tenders, options)));

        builder.UseOrleans(silo =>
        {
            silo.UseCompraNetClustering(options, builder.Configuration);
            silo.AddCompraNetGrainStorage(options, postgres);
            // Grain state in Orleans' own binary format: version-tolerant by [Id], compact, and free of the JSON
            // serializer's CLR type names (which break on compiler-generated collection types).
            foreach (var name in new[] { StorageHostingExtensions.GrainStorageName, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME })
            {
                silo.Services.AddOptions<AdoNetGrainStorageOptions>(name)
                    .Configure<Serializer>((storage, serializer) => storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
            }
        });

        // After the silo: wakes every auction that is not closed, so closes happen on time after a restart.
        builder.Services.AddHostedService<AuctionSweeper>();
        if (options.IsCluster)
        {
            builder.Services.AddHostedService<SiloFailureSweeper>();
        }

        return builder;
    }
}
