using System.Text.RegularExpressions;
using CompraNet.AuctionHost.Accounts;
using CompraNet.AuctionHost.Admin;
using CompraNet.ProcurementPortal.Features.Interconnection;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Admin;

/// <summary>Operator commands for the systems that connect to the portal: client credentials, whose secret is printed once.</summary>
public static partial class InterconnectionAdminCommands
{
    public const string Usage = """
        Interconnection commands:
          api-clients add CLIENT_ID --name NAME --scopes budget,treasury,webhooks
              a client of another government system; prints its secret once (only a hash is kept)
          api-clients list
              the clients, their scopes and whether they are disabled (never their secrets)
          api-clients disable CLIENT_ID | api-clients enable CLIENT_ID
              stops (or restores) the client; tokens already issued stop working at once
          api-clients rotate CLIENT_ID
              gives the client a new secret, printed once; the old secret and its tokens stop working at once
        """;

    public static readonly AdminExtension Extension = new(new HashSet<string>(StringComparer.Ordinal) { "api-clients" }, RunAsync, Usage);

    private static async Task<int> RunAsync(AdminInvocation invocation)
    {
        var words = invocation.Words;
        return (words.ElementAtOrDefault(1), words.Count) switch
        {
            ("add", 3) => await AddAsync(new ApiClientStore(new PortalDb(invocation.Database)), words[2], invocation.Options),
            ("list", 2) => await ListAsync(new ApiClientStore(new PortalDb(invocation.Database))),
            ("disable", 3) => await SetDisabledAsync(new ApiClientStore(new PortalDb(invocation.Database)), words[2], disabled: true),
            ("enable", 3) => await SetDisabledAsync(new ApiClientStore(new PortalDb(invocation.Database)), words[2], disabled: false),
            ("rotate", 3) => await RotateAsync(new ApiClientStore(new PortalDb(invocation.Database)), words[2]),
            _ => Fail("Unknown api-clients command."),
        };
    }

    private static async Task<int> AddAsync(ApiClientStore clients, string clientId, IReadOnlyDictionary<string, string?> options)
    {
        var name = options.GetValueOrDefault("name");
        var scopes = (options.GetValueOrDefault("scopes") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (!ClientIdPattern().IsMatch(clientId) || string.IsNullOrWhiteSpace(name) || name.Length > 200
            || scopes.Count == 0 || scopes.Any(s => !InterconnectionScopes.All.Contains(s)))
        {
            return Fail($"api-clients add needs CLIENT_ID (letters, digits, '-', '_', '.', up to 100), --name and --scopes (comma-separated: {string.Join(", ", InterconnectionScopes.All)}).");
        }

        var secret = ClientTokenService.NewSecret();
        var client = new ApiClient(clientId, name.Trim(), scopes, TimeProvider.System.GetUtcNow(), Disabled: false);
        if (!await clients.AddAsync(client, PasswordHasher.Hash(secret)))
        {
            return Fail($"Client '{clientId}' exists already; left unchanged.");
        }

        Console.WriteLine($"Created client '{clientId}' ({string.Join(' ', scopes)}). Its secret, shown only now:");
        Console.WriteLine(secret);
        return 0;
    }

    private static async Task<int> ListAsync(ApiClientStore clients)
    {
        foreach (var client in await clients.ListAsync())
        {
            Console.WriteLine($"{client.ClientId}\t{client.Name}\t{string.Join(' ', client.Scopes)}\t{(client.Disabled ? "disabled" : "active")}");
        }

        return 0;
    }

    private static async Task<int> SetDisabledAsync(ApiClientStore clients, string clientId, bool disabled)
    {
        if (!await clients.SetDisabledAsync(clientId, disabled, TimeProvider.System.GetUtcNow()))
        {
            return Fail($"No client '{clientId}'.");
        }

        Console.WriteLine(disabled ? $"Disabled client '{clientId}'; its tokens stop working now." : $"Enabled client '{clientId}'; it signs in again with its secret.");
        return 0;
    }

    private static async Task<int> RotateAsync(ApiClientStore clients, string clientId)
    {
        var secret = ClientTokenService.NewSecret();
        if (!await clients.RotateSecretAsync(clientId, PasswordHasher.Hash(secret), TimeProvider.System.GetUtcNow()))
        {
            return Fail($"No client '{clientId}'.");
        }

        Console.WriteLine($"New secret for client '{clientId}', shown only now (the old one and its tokens no longer work):");
        Console.WriteLine(secret);
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(Usage);
        return 2;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex ClientIdPattern();
}
