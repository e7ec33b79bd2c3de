using System.Collections.Concurrent;
using System.Diagnostics;

namespace CompraNet.AuctionLoad.Orchestration;

/// <summary>
/// A process compare starts (<c>dotnet X.dll …</c>), its output going to a log file in the report folder. It is
/// always stopped: by <see cref="DisposeAsync"/>, and by a process-exit hook should the tool be ended otherwise.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    private readonly Process _process;
    private readonly TextWriter _log;

    static ChildProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Running.Values)
        {
            TryKill(process);
        }
    };

    private ChildProcess(string name, Process process, TextWriter log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(string name, string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string logPath)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = TextWriter.Synchronized(new StreamWriter(logPath, append: true) { AutoFlush = true });
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Running[process.Id] = process;
        return new ChildProcess(name, process, log);
    }

    /// <summary>Runs a command to its end (migrate, accounts …) and fails with its log when it does not exit 0.</summary>
    public static async Task RunAsync(string name, string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment,
        string logPath, CancellationToken cancellationToken)
    {
        await using var child = Start(name, dll, arguments, environment, logPath);
        await child._process.WaitForExitAsync(cancellationToken);
        if (child._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} exited with {child._process.ExitCode}; see {logPath}:\n{await TailAsync(logPath)}");
        }
    }

    public static async Task<string> TailAsync(string logPath)
    {
        var lines = await File.ReadAllLinesAsync(logPath);
        return string.Join('\n', lines.TakeLast(20));
    }

    public async ValueTask DisposeAsync()
    {
        TryKill(_process);
        try
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"[compare] {Name} (pid {_process.Id}) did not exit within 15s of being killed.");
        }

        Running.TryRemove(_process.Id, out _);
        _process.Dispose();
        await _log.FlushAsync();
        await _log.DisposeAsync();
    }

    private static void Write(TextWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        try
        {
            log.WriteLine(line);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static void TryKill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }
}
