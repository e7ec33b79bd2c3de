using CompraNet.AuctionHost.Persistence;
using Npgsql;

namespace CompraNet.AuctionHost.Hosting;

/// <summary>
/// Stops a PostgreSQL host at start, before the silo, when the schema is behind the code: the message says which
/// scripts are missing and the command that applies them (schema changes are an operator's step, not a side effect).
/// </summary>
public sealed class PostgresSchemaCheck(NpgsqlDataSource dataSource, IEnumerable<SchemaModule> modules) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var pending = await SchemaMigrator.PendingPostgresAsync(dataSource, cancellationToken, SchemaModule.Assemblies(modules));
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL schema is behind this version (missing: {string.Join(", ", pending)}). " +
                "Apply it with the `migrate` command of this program, e.g. dotnet run --project src/ProcurementPortal -- migrate --CompraNet:Storage=postgres --ConnectionStrings:Postgres=\"...\"");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
