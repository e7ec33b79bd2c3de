using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CompraNet.AuctionHost.Hosting;

/// <summary><c>/health</c> is healthy when the database that makes bids durable answers.</summary>
public sealed class StorageHealthCheck(CompraNetDatabase db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = db.DataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("Storage reachable.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Storage unreachable: bids cannot be made durable.", ex);
        }
    }
}
