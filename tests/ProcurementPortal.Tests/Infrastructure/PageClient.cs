using System.Net;
using System.Text.RegularExpressions;

namespace CompraNet.ProcurementPortal.Tests.Infrastructure;

/// <summary>
/// The portal's pages as a browser without scripts sees them: cookies kept (sign-in and antiforgery), redirects not
/// followed (so a test sees where it is sent), and forms posted with the antiforgery token read from the page.
/// </summary>
public sealed partial class PageClient : IDisposable
{
    private readonly HttpClient _client;

    private PageClient(Uri baseAddress)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
        _client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public static PageClient Anonymous(PortalTestHost host) => new(host.BaseAddress);

    /// <summary>Signs in on /ingresar, as a person does.</summary>
    public static async Task<PageClient> SignedInAsync(PortalTestHost host, string username)
    {
        var client = new PageClient(host.BaseAddress);
        var response = await client.PostFormAsync("/ingresar", [new("Username", username), new("Password", PortalTestHost.Password)]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"signing in as {username}: {(int)response.StatusCode}");
        return client;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(path);

    /// <summary>A page that must answer 200, as HTML.</summary>
    public async Task<string> GetPageAsync(string path)
    {
        var response = await _client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return html;
    }

    /// <summary>Opens <paramref name="formPage"/> for its antiforgery token, then posts <paramref name="fields"/> to <paramref name="action"/> (the page itself by default).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var token = Token(await GetPageAsync(formPage));
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await _client.PostAsync(action ?? formPage, content);
    }

    /// <summary>Posts without the antiforgery token (what a forged cross-site form would send).</summary>
    public async Task<HttpResponseMessage> PostWithoutTokenAsync(string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await _client.PostAsync(action, content);
    }

    public static string Token(string html) =>
        TokenInput().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("The page has no antiforgery token.");

    /// <summary>The message shown next to a field (the <c>field-error</c> for a service field path), or null when there is none.</summary>
    public static string? FieldError(string html, string key)
    {
        var id = "error-" + key.Replace("[", "-", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace('.', '-');
        var match = Regex.Match(html, $"""<span class="field-error" id="{Regex.Escape(id)}"[^>]*>([^<]*)</span>""");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    /// <summary>The value an input shows (what the form keeps of what was typed).</summary>
    public static string? InputValue(string html, string name)
    {
        var match = Regex.Match(html, $"""<input[^>]*name="{Regex.Escape(name)}"[^>]*value="([^"]*)"[^>]*>""");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
