using System.Text.RegularExpressions;
using CompraNet.AuctionHost.Admin;
using CompraNet.ProcurementPortal.Features.Suppliers;
using CompraNet.ProcurementPortal.Features.Units;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Admin;

/// <summary>
/// The portal's operator commands, beside the engine's (<c>migrate</c>, <c>accounts</c>, <c>sanctions</c>): buying units,
/// their officials and the supplier registry, which cluster and PostgreSQL deployments have no demo data for.
/// </summary>
public static partial class PortalAdminCommands
{
    public const string Usage = """
        Portal commands:
          units add UNIT_ID --name NAME --institution INSTITUTION [--cap PERCENT]
              a buying unit; --cap: its annual cap on non-open procedures (default 30)
          officials add USERNAME UNIT_ID --position POSITION
              makes an officer or coordinator account an official of the unit (moves it if it had another)
          suppliers add SUPPLIER_ID --legal-name NAME --rfc RFC [--sme] [--country MX]
              registers a supplier account in the supplier registry
        """;

    public static readonly AdminExtension Extension = new(new HashSet<string>(StringComparer.Ordinal) { "units", "officials", "suppliers" }, RunAsync, Usage);

    private static async Task<int> RunAsync(AdminInvocation invocation)
    {
        var db = new PortalDb(invocation.Database);
        var words = invocation.Words;
        var options = invocation.Options;
        return (words[0], words.ElementAtOrDefault(1), words.Count) switch
        {
            ("units", "add", 3) => await AddUnitAsync(new UnitStore(db, TimeProvider.System), words[2], options),
            ("officials", "add", 4) => await AddOfficialAsync(new UnitStore(db, TimeProvider.System), new AuctionHost.Accounts.AccountStore(invocation.Database, TimeProvider.System), words[2], words[3], options),
            ("suppliers", "add", 3) => await AddSupplierAsync(new SupplierStore(db, TimeProvider.System), new AuctionHost.Accounts.AccountStore(invocation.Database, TimeProvider.System), words[2], options),
            _ => Fail("Unknown portal command."),
        };
    }

    private static async Task<int> AddUnitAsync(UnitStore units, string id, IReadOnlyDictionary<string, string?> options)
    {
        var name = options.GetValueOrDefault("name");
        var institution = options.GetValueOrDefault("institution");
        var cap = 30;
        if (!UnitIdPattern().IsMatch(id) || string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(institution)
            || (options.GetValueOrDefault("cap") is { } text && (!int.TryParse(text, out cap) || cap is < 0 or > 100)))
        {
            return Fail("units add needs UNIT_ID (letters, digits, '-', up to 40), --name and --institution; --cap is 0 to 100.");
        }

        var added = await units.AddAsync(new BuyingUnit(id, name.Trim(), institution.Trim(), cap));
        Console.WriteLine(added ? $"Created buying unit '{id}'." : $"Buying unit '{id}' already exists; left unchanged.");
        return 0;
    }

    private static async Task<int> AddOfficialAsync(UnitStore units, AuctionHost.Accounts.AccountStore accounts, string username, string unitId, IReadOnlyDictionary<string, string?> options)
    {
        var account = await accounts.FindAsync(username);
        if (account is null || account.Role is not (AuctionHost.Accounts.Roles.Officer or AuctionHost.Accounts.Roles.Coordinator))
        {
            return Fail($"'{username}' is not an officer or coordinator account (create it with: accounts add {username} officer --password-stdin).");
        }

        if (await units.FindAsync(unitId) is null)
        {
            return Fail($"No buying unit '{unitId}' (create it with: units add {unitId} --name ... --institution ...).");
        }

        var position = options.GetValueOrDefault("position");
        if (string.IsNullOrWhiteSpace(position) || position.Length > 200)
        {
            return Fail("officials add needs --position (up to 200 characters).");
        }

        await units.SetOfficialAsync(username, unitId, position.Trim());
        Console.WriteLine($"'{username}' is an official of '{unitId}'.");
        return 0;
    }

    private static async Task<int> AddSupplierAsync(SupplierStore suppliers, AuctionHost.Accounts.AccountStore accounts, string supplierId, IReadOnlyDictionary<string, string?> options)
    {
        var account = await accounts.FindAsync(supplierId);
        if (account?.Role != AuctionHost.Accounts.Roles.Supplier)
        {
            return Fail($"'{supplierId}' is not a supplier account (create it with: accounts add {supplierId} supplier --password-stdin).");
        }

        var name = options.GetValueOrDefault("legal-name");
        var rfc = options.GetValueOrDefault("rfc")?.ToUpperInvariant();
        var country = options.GetValueOrDefault("country")?.ToUpperInvariant() ?? "MX";
        if (string.IsNullOrWhiteSpace(name) || rfc is null || !RfcPattern().IsMatch(rfc) || !CountryPattern().IsMatch(country))
        {
            return Fail("suppliers add needs --legal-name and --rfc (12 or 13 characters, e.g. ABC010101AB1); --country is a two-letter code.");
        }

        var added = await suppliers.AddAsync(new RegisteredSupplier(supplierId, name.Trim(), rfc, options.ContainsKey("sme"), country));
        Console.WriteLine(added ? $"Registered supplier '{supplierId}'." : $"'{supplierId}' or RFC {rfc} is registered already; left unchanged.");
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(Usage);
        return 2;
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,40}$")]
    private static partial Regex UnitIdPattern();

    [GeneratedRegex("^[A-ZÑ&]{3,4}[0-9]{6}[A-Z0-9]{3}$")]
    private static partial Regex RfcPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();
}
