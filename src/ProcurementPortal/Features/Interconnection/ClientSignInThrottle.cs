using System.Collections.Concurrent;

namespace CompraNet.ProcurementPortal.Features.Interconnection;

/// <summary>
/// Failed token requests per client id in a window (on the injected clock): after <see cref="MaxFailures"/> the client id
/// is refused until the window passes, right secret or not, so a secret cannot be guessed at speed.
/// </summary>
public sealed class ClientSignInThrottle(TimeProvider time)
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Failures)> _failures = new(StringComparer.OrdinalIgnoreCase);

    public bool IsBlocked(string clientId) =>
        _failures.TryGetValue(clientId, out var entry) && time.GetUtcNow() - entry.Start < Window && entry.Failures >= MaxFailures;

    public void RecordFailure(string clientId)
    {
        var now = time.GetUtcNow();
        _failures.AddOrUpdate(clientId, _ => (now, 1), (_, e) => now - e.Start >= Window ? (now, 1) : (e.Start, e.Failures + 1));
    }

    public void Reset(string clientId) => _failures.TryRemove(clientId, out _);
}
