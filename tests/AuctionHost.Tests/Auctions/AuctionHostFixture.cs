using System.Collections.Concurrent;
using CompraNet.AuctionHost.Tests.Infrastructure;

namespace CompraNet.AuctionHost.Tests.Auctions;

/// <summary>
/// One real host per test class (<c>IClassFixture</c>), with tokens cached per account: sign-in costs a PBKDF2 hash
/// and is throttled to 20 attempts a minute per account, so tests must not sign in for every request.
/// </summary>
public class AuctionHostFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new(StringComparer.Ordinal);
    private RunningHost? _host;

    public RunningHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>Settings for this fixture's host on top of <see cref="RunningHost"/>'s defaults.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(Settings);

    public async Task DisposeAsync()
    {
        if (_host is null)
        {
            return;
        }

        await _host.DisposeAsync();
        try
        {
            Directory.Delete(_host.DataDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temporary folder left behind is harmless.
        }
    }

    public Task<string> TokenAsync(string username) =>
        _tokens.GetOrAdd(username, name => new Lazy<Task<string>>(() => Host.TokenAsync(name))).Value;

    /// <summary>An HTTP client signed in as <paramref name="username"/>, or anonymous (the public) when null.</summary>
    public async Task<HttpClient> ClientAsync(string? username = null) =>
        Host.Client(username is null ? null : await TokenAsync(username));

    /// <summary>A new open auction created by officer1 (see <see cref="RunningHost.CreateAuctionAsync"/> for the defaults).</summary>
    public async Task<string> CreateAuctionAsync(Action<Dictionary<string, object?>>? configure = null) =>
        await Host.CreateAuctionAsync(configure, await TokenAsync("officer1"));

    /// <summary>A new auction that closes <paramref name="after"/> from now, without soft close so bids never extend it.</summary>
    public Task<string> CreateShortAuctionAsync(TimeSpan after, Action<Dictionary<string, object?>>? configure = null) =>
        CreateAuctionAsync(body =>
        {
            body["endsAt"] = DateTimeOffset.UtcNow + after;
            body["softClose"] = null;
            configure?.Invoke(body);
        });
}
