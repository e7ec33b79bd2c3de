using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CompraNet.AuctionHost.Tests.Infrastructure;

/// <summary>
/// The auction host as a separate OS process (the built AuctionHost.dll), so a test can kill it with SIGKILL — no
/// shutdown, no flush — and start it again on the same data, as a crash would.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the host with the settings (configuration keys) and waits until <c>/health</c> answers 200.</summary>
    public static async Task<HostProcess> StartAsync(IDictionary<string, string> settings, TimeSpan? timeout = null)
    {
        var port = TestPorts.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(HostAssembly())!,
        };
        start.ArgumentList.Add(HostAssembly());
        var all = new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["CompraNet:SiloPort"] = TestPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["CompraNet:GatewayPort"] = TestPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["CompraNet:Realtime:MaxBidsPerSupplierPerSecond"] = "100000",
            ["CompraNet:Realtime:BidBurst"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var host = new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start the host process."), new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await host.WaitHealthyAsync(timeout ?? TimeSpan.FromSeconds(60));
            return host;
        }
        catch
        {
            await host.DisposeAsync(); // a host that never became healthy is not left running
            throw;
        }
    }

    /// <summary>SIGTERM, as a service manager stops a host: it leaves the cluster and shuts down gracefully. Returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited && SendSignal(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
        }

        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>SIGKILL: the process gets no chance to flush or shut down.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                // HasExited can turn true before the redirected output is drained: wait for both streams to close.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"The host exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting up.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The host did not become healthy in {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>The AuctionHost.dll built next to this test assembly by the project reference.</summary>
    private static string HostAssembly()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "AuctionHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("AuctionHost.dll is not beside the tests; build the solution first.", path);
    }
}
