using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CompraNet.ProcurementPortal.Tests.Interconnection;

/// <summary>
/// Another system, as an in-process minimal API on a free loopback port: it records every request it gets (headers and
/// body) and answers with what <see cref="Answer"/> says for the n-th request to that path (1-based).
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    private LoopbackReceiver(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    public Uri BaseAddress { get; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>Status code and JSON body (or null) for the path and the request's number on it.</summary>
    public Func<string, int, (int Status, object? Json)> Answer { get; set; } = (_, _) => (200, null);

    public static async Task<LoopbackReceiver> StartAsync()
    {
        var port = TestPorts.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new LoopbackReceiver(app, new Uri($"http://127.0.0.1:{port}"));
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    public Uri Url(string path) => new(BaseAddress, path);

    public IReadOnlyList<Received> At(string path) => [.. Requests.Where(r => r.Path == path)];

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = context.Request.Path.Value ?? "/";
        Requests.Enqueue(new Received(path, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
        var (status, json) = Answer(path, _counts.AddOrUpdate(path, 1, (_, n) => n + 1));
        context.Response.StatusCode = status;
        if (json is not null)
        {
            await context.Response.WriteAsJsonAsync(json, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
