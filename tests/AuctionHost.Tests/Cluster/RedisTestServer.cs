namespace CompraNet.AuctionHost.Tests.Cluster;

/// <summary>
/// The Redis server of the cluster tests, named by <c>COMPRANET_TEST_REDIS</c> (host:port; scripts/test.sh starts
/// one). Without it the tests fail: they are never skipped.
/// </summary>
public static class RedisTestServer
{
    public const string Variable = "COMPRANET_TEST_REDIS";

    public static string Address()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                $"{Variable} is not set: start Redis (redis-server --port 6390 --bind 127.0.0.1 --save '' --daemonize yes) " +
                $"and set {Variable}=127.0.0.1:6390, or run bash .ci/run.")
            : value;
    }
}
