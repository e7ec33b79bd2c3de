using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CompraNet.AuctionLoad.Targets;

/// <summary>The REST half of PROTOCOL.md the tool needs: health, sign-in, creating auctions, and the ops process report.</summary>
public sealed class AuctionApi(Uri baseUrl) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync("health", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public async Task WaitHealthyAsync(TimeSpan timeout, Func<bool> stillRunning, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await IsHealthyAsync(cancellationToken))
        {
            if (!stillRunning())
            {
                throw new InvalidOperationException($"{baseUrl} exited before it became healthy.");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{baseUrl}health did not answer 200 within {timeout.TotalSeconds:0}s.");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>Signs an account in once; the host limits sign-ins per username, so callers keep the token.</summary>
    public async Task<string> SignInAsync(string username, string password, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("api/auth/token", new { username, password }, Json, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new InvalidOperationException($"Sign-in of '{username}' is rate limited (20 attempts per minute per account); wait a minute.");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sign-in of '{username}' failed: {(int)response.StatusCode} {await BodyAsync(response, cancellationToken)}");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.GetProperty("accessToken").GetString()
            ?? throw new InvalidOperationException($"Sign-in of '{username}' returned no accessToken.");
    }

    public async Task<string> CreateAuctionAsync(string officerToken, AuctionPlan plan, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auctions")
        {
            Content = JsonContent.Create(plan.ToRequestBody(), options: Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", officerToken);
        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating auction {plan.ProcedureId} failed: {(int)response.StatusCode} {await BodyAsync(response, cancellationToken)}");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.GetProperty("auctionId").GetString() ?? plan.ProcedureId;
    }

    /// <summary>The host's memory after a full collection; null when the host has no such endpoint.</summary>
    public async Task<ProcessMemory?> GetProcessMemoryAsync(string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/ops/process?gc=true");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /api/ops/process failed: {(int)response.StatusCode} {await BodyAsync(response, cancellationToken)}");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var root = body.RootElement;
        return new ProcessMemory(
            root.GetProperty("workingSetBytes").GetInt64(),
            root.TryGetProperty("gcHeapBytes", out var heap) ? heap.GetInt64() : null,
            root.TryGetProperty("activeAuctions", out var active) ? active.GetInt32() : null,
            "GET /api/ops/process?gc=true");
    }

    public void Dispose() => _http.Dispose();

    private static async Task<string> BodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Length > 400 ? text[..400] : text;
    }
}
