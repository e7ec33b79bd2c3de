using CompraNet.AuctionLoad.Targets;

namespace CompraNet.AuctionLoad.Orchestration;

/// <summary>A server compare started and the target it serves; disposing it stops the process and removes its scratch folder.</summary>
public sealed class RunningServer(ChildProcess process, LoadTarget target, string? scratchDirectory) : IAsyncDisposable
{
    public LoadTarget Target { get; } = target;

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        if (scratchDirectory is not null && Directory.Exists(scratchDirectory))
        {
            Directory.Delete(scratchDirectory, recursive: true);
        }

        Console.WriteLine($"[compare] stopped {process.Name}");
    }

    /// <summary>Waits for /health; on failure stops the process and shows the end of its log.</summary>
    public static async Task<RunningServer> WaitHealthyAsync(ChildProcess process, LoadTarget target, string logPath, string? scratchDirectory,
        CancellationToken cancellationToken)
    {
        var server = new RunningServer(process, target, scratchDirectory);
        try
        {
            using var api = new AuctionApi(target.Url);
            await api.WaitHealthyAsync(TimeSpan.FromSeconds(120), () => !process.HasExited, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"{process.Name} did not become healthy: {ex.Message}\n{await ChildProcess.TailAsync(logPath)}", ex);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        Console.WriteLine($"[compare] {process.Name} is healthy at {target.Url} (pid {process.Id})");
        return server;
    }
}
