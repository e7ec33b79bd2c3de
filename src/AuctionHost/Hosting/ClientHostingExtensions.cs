using CompraNet.AuctionHost.Accounts;
using CompraNet.AuctionHost.Persistence;
using Npgsql;
using Orleans.Configuration;

namespace CompraNet.AuctionHost.Hosting;

/// <summary>
/// The other half of the engine, for an application that reaches the auction hosts instead of hosting a silo (the
/// portal with PostgreSQL or in cluster mode): an Orleans client of the same service and cluster, the shared database,
/// the same accounts and token signing key, and the HTTP conventions. Bids and live updates stay on the auction hosts.
/// </summary>
public static class ClientHostingExtensions
{
    public static WebApplicationBuilder AddAuctionClient(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetCompraNetOptions();
        if (options.IsEmbedded)
        {
            throw new InvalidOperationException("An Orleans client of the auction hosts needs CompraNet:Storage=postgres or CompraNet:Mode=cluster; embedded mode co-hosts the engine.");
        }

        ClusterHostingExtensions.ValidateMode(builder.Configuration, options);
        var postgres = builder.Configuration.GetConnectionString(SiloHostingExtensions.PostgresConnectionName);
        if (string.IsNullOrWhiteSpace(postgres))
        {
            throw new InvalidOperationException("CompraNet:Storage=postgres needs ConnectionStrings:Postgres (e.g. Host=127.0.0.1;Port=5432;Database=compranet;Username=compranet).");
        }

        builder.AddAuctionHttp();
        builder.Services.AddOptions<CompraNetOptions>().BindConfiguration(CompraNetOptions.SectionName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(postgres));
        builder.Services.AddSingleton(sp => new CompraNetDatabase(sp.GetRequiredService<NpgsqlDataSource>(), isPostgres: true));
        builder.Services.AddHostedService<PostgresSchemaCheck>();
        builder.AddAuctionAuth();
        builder.UseOrleansClient(client =>
        {
            if (options.IsCluster)
            {
                client.UseRedisClustering(redis => redis.ConfigurationOptions = ClusterHostingExtensions.RedisConfiguration(builder.Configuration));
            }
            else
            {
                client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, "compranet");
            }

            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ServiceId = options.ServiceId;
                cluster.ClusterId = options.IsCluster ? options.ClusterId : "compranet";
            });
        });
        return builder;
    }

    /// <summary>HTTP conventions and sign-in (<c>POST /api/auth/token</c>) of a client application.</summary>
    public static WebApplication MapAuctionClient(this WebApplication app)
    {
        app.UseAuctionHttp(defaultFiles: false);
        app.MapAuthEndpoints();
        return app;
    }
}
