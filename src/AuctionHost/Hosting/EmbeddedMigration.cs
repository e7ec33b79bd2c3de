using CompraNet.AuctionHost.Persistence;
using Microsoft.Extensions.Options;

namespace CompraNet.AuctionHost.Hosting;

/// <summary>Applies the embedded SQLite schema at start, before the Orleans silo (registered after it) starts.</summary>
public sealed class EmbeddedMigration(IOptions<CompraNetOptions> options, IEnumerable<SchemaModule> modules, ILogger<EmbeddedMigration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await SchemaMigrator.MigrateAsync(options.Value, null, cancellationToken, SchemaModule.Assemblies(modules));
        logger.LogInformation("Embedded database {Path}: {Count} migration(s) applied.", options.Value.SqlitePath, applied.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>An assembly whose embedded schema scripts are migrated with the host's (the portal registers one).</summary>
public sealed record SchemaModule(System.Reflection.Assembly Assembly)
{
    public static IReadOnlyList<System.Reflection.Assembly> Assemblies(IEnumerable<SchemaModule> modules) => [.. modules.Select(m => m.Assembly)];
}
