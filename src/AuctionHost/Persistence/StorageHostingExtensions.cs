using CompraNet.AuctionGrains.Auctions;
using CompraNet.AuctionGrains.Tenders;
using CompraNet.AuctionHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;

namespace CompraNet.AuctionHost.Persistence;

/// <summary>
/// Registers CompraNet's storage: the Orleans ADO.NET grain storage, the bid journal and the tender journal, on the embedded SQLite
/// file or on PostgreSQL as <see cref="CompraNetOptions.Storage"/> says.
/// </summary>
/// <remarks>
/// Decisions: grain storage is named <see cref="GrainStorageName"/> and is also the default storage, both on the
/// same tables (rows keyed by <c>ClusterOptions.ServiceId</c>, which the host sets to
/// <see cref="CompraNetOptions.ServiceId"/>). SQLite uses Orleans' invariant <c>System.Data.SQLite</c>, which
/// Orleans 10.4.2 resolves by reflection to <c>Microsoft.Data.Sqlite.SqliteFactory</c> (no DbProviderFactories
/// registration needed), fed through a <see cref="SqliteDataSource"/> so its connections get the same pragmas as
/// the journal's. PostgreSQL uses invariant <c>Npgsql</c> with the connection string. Neither creates tables:
/// call <see cref="SchemaMigrator.MigrateAsync"/> before the silo starts.
/// </remarks>
public static class StorageHostingExtensions
{
    /// <summary>The grain storage name that grains name in <c>[PersistentState(..., "auctions")]</c>.</summary>
    public const string GrainStorageName = "auctions";

    /// <summary>Orleans' ADO.NET invariant for SQLite (AdoNetInvariants.InvariantNameSqlLite).</summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    /// <summary>Orleans' ADO.NET invariant for PostgreSQL (AdoNetInvariants.InvariantNamePostgreSql).</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>Adds the ADO.NET grain storage <see cref="GrainStorageName"/>, also as the default storage.</summary>
    public static ISiloBuilder AddCompraNetGrainStorage(
        this ISiloBuilder silo, CompraNetOptions options, string? postgresConnectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);

        Action<AdoNetGrainStorageOptions> configure;
        if (options.IsPostgres)
        {
            var connectionString = RequirePostgres(postgresConnectionString);
            configure = storage =>
            {
                storage.Invariant = PostgresInvariant;
                storage.ConnectionString = connectionString;
            };
        }
        else
        {
            var dataSource = new SqliteDataSource(options.SqlitePath);
            configure = storage =>
            {
                storage.Invariant = SqliteInvariant;
                storage.DataSource = dataSource;
            };
        }

        silo.AddAdoNetGrainStorage(GrainStorageName, configure);
        silo.AddAdoNetGrainStorageAsDefault(configure);
        return silo;
    }

    /// <summary>
    /// Adds the <see cref="IAuctionJournal"/> singleton (<see cref="SqliteAuctionJournal"/> or
    /// <see cref="NpgsqlAuctionJournal"/>), the <see cref="ITenderJournal"/> singleton (<see cref="SqliteTenderJournal"/>
    /// or <see cref="NpgsqlTenderJournal"/>), their data source (<see cref="SqliteDataSource"/> or one
    /// <see cref="NpgsqlDataSource"/>, unless one is already registered) and <see cref="TimeProvider.System"/>
    /// when no <see cref="TimeProvider"/> is registered.
    /// </summary>
    public static IServiceCollection AddCompraNetStorage(
        this IServiceCollection services, CompraNetOptions options, string? postgresConnectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);

        services.TryAddSingleton(TimeProvider.System);
        if (options.IsPostgres)
        {
            var connectionString = RequirePostgres(postgresConnectionString);
            services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            services.TryAddSingleton<NpgsqlAuctionJournal>();
            services.TryAddSingleton<IAuctionJournal>(sp => sp.GetRequiredService<NpgsqlAuctionJournal>());
            services.TryAddSingleton<ITenderJournal, NpgsqlTenderJournal>();
        }
        else
        {
            services.TryAddSingleton(_ => new SqliteDataSource(options.SqlitePath));
            services.TryAddSingleton<SqliteAuctionJournal>();
            services.TryAddSingleton<IAuctionJournal>(sp => sp.GetRequiredService<SqliteAuctionJournal>());
            services.TryAddSingleton<ITenderJournal, SqliteTenderJournal>();
        }

        return services;
    }

    private static string RequirePostgres(string? connectionString) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException(
                "CompraNet:Storage is 'postgres' but no PostgreSQL connection string was given.")
            : connectionString;
}
