using CompraNet.Baseline.Auctions;
using CompraNet.Baseline.Persistence;
using Npgsql;

namespace CompraNet.Baseline.Hosting;

/// <summary>One NpgsqlDataSource for the process (ConnectionStrings:Postgres), the schema, the store and /health.</summary>
public static class StorageHostingExtensions
{
    public const string ConnectionName = "Postgres";

    public static WebApplicationBuilder AddBaselineStorage(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Set ConnectionStrings:{ConnectionName}, e.g. --ConnectionStrings:{ConnectionName}=\"Host=127.0.0.1;Port=5432;Database=baseline;Username=postgres\".");
        builder.Services.AddSingleton(sp => new NpgsqlDataSourceBuilder(connectionString)
            .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
            .Build());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BaselineSchema>();
        builder.Services.AddSingleton<AuctionStore>();
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres");
        return builder;
    }
}
