using CompraNet.AuctionHost.Accounts;
using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Persistence;
using CompraNet.AuctionHost.Sanctions;
using Npgsql;

namespace CompraNet.AuctionHost.Admin;

/// <summary>
/// Operator commands run instead of the host, against the configured database:
/// <c>migrate</c>; <c>accounts add USERNAME ROLE [--display-name NAME] (--password P | --password-stdin)</c>;
/// <c>accounts seed-suppliers --prefix P --count N (--password P | --password-stdin)</c>;
/// <c>sanctions add SUPPLIER --reason TEXT [--from TIME] [--until TIME]</c>.
/// Configuration comes as for the host (appsettings.json, environment, <c>--CompraNet:...</c> arguments).
/// </summary>
public static class AdminCommands
{
    public const string Usage = """
        Commands (run instead of the host; same configuration keys as the host):
          migrate
          accounts add USERNAME ROLE [--display-name NAME] (--password PASSWORD | --password-stdin)
              ROLE: supplier | officer | coordinator | auditor
          accounts seed-suppliers --prefix PREFIX --count N (--password PASSWORD | --password-stdin)
              creates PREFIX-0001 … PREFIX-N (suppliers), keeping existing ones
          sanctions add SUPPLIER --reason TEXT [--from TIME] [--until TIME]
              debars SUPPLIER from TIME (default now) until TIME (default: indefinitely); ISO 8601 times
        """;

    /// <summary>Runs the command in <paramref name="args"/>; null when the arguments start the host instead.</summary>
    /// <param name="modules">Assemblies whose schema scripts <c>migrate</c> applies with the engine's (the portal's).</param>
    /// <param name="extension">More commands (the portal's units, officials and suppliers), run the same way.</param>
    public static async Task<int?> TryRunAsync(string[] args, IReadOnlyList<System.Reflection.Assembly>? modules = null, AdminExtension? extension = null)
    {
        if (args.Length == 0 || (args[0] is not ("migrate" or "accounts" or "sanctions") && extension?.Commands.Contains(args[0]) != true))
        {
            return null;
        }

        var (words, options, settings) = Split(args);
        var configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables().AddCommandLine(settings).Build();
        var compraNet = configuration.GetCompraNetOptions();
        var postgres = configuration.GetConnectionString(SiloHostingExtensions.PostgresConnectionName);
        try
        {
            var applied = await SchemaMigrator.MigrateAsync(compraNet, postgres, modules: modules);
            if (words[0] == "migrate")
            {
                Console.WriteLine(applied.Count == 0 ? "Schema is current." : $"Applied: {string.Join(", ", applied)}");
                return 0;
            }

            await using var source = compraNet.IsPostgres
                ? (System.Data.Common.DbDataSource)NpgsqlDataSource.Create(postgres!)
                : new SqliteDataSource(compraNet.SqlitePath);
            var database = new CompraNetDatabase(source, compraNet.IsPostgres);
            if (extension?.Commands.Contains(words[0]) == true)
            {
                return await extension.RunAsync(new AdminInvocation(words, options, database));
            }

            var store = new AccountStore(database, TimeProvider.System);
            return (words[0], words.ElementAtOrDefault(1)) switch
            {
                ("accounts", "add") when words.Count == 4 => await AddAsync(store, words[2], words[3], options),
                ("accounts", "seed-suppliers") => await SeedAsync(store, options),
                ("sanctions", "add") when words.Count == 3 => await SanctionAsync(new SanctionRegistry(database, TimeProvider.System), words[2], options),
                _ => Fail("Unknown command."),
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            return Fail(ex.Message, extension);
        }
    }

    private static async Task<int> AddAsync(AccountStore store, string username, string role, Dictionary<string, string?> options)
    {
        if (!Roles.All.Contains(role))
        {
            return Fail($"Unknown role '{role}'.");
        }

        if (username.Length is 0 or > 128)
        {
            return Fail("A username has 1 to 128 characters.");
        }

        var password = ReadPassword(options);
        var created = await store.CreateAsync(username, password, role, options.GetValueOrDefault("display-name") ?? username);
        Console.WriteLine(created ? $"Created {role} '{username}'." : $"'{username}' already exists; left unchanged.");
        return 0;
    }

    private static async Task<int> SeedAsync(AccountStore store, Dictionary<string, string?> options)
    {
        var prefix = options.GetValueOrDefault("prefix");
        if (string.IsNullOrWhiteSpace(prefix) || !int.TryParse(options.GetValueOrDefault("count"), out var count) || count is < 1 or > 100_000)
        {
            return Fail("seed-suppliers needs --prefix and --count between 1 and 100000.");
        }

        var created = await store.SeedSuppliersAsync(prefix, count, ReadPassword(options));
        Console.WriteLine($"Suppliers {AccountStore.SeededName(prefix, 1)} … {AccountStore.SeededName(prefix, count)}: {created} created, {count - created} already there.");
        return 0;
    }

    private static async Task<int> SanctionAsync(SanctionRegistry sanctions, string supplierId, Dictionary<string, string?> options)
    {
        var reason = options.GetValueOrDefault("reason");
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Fail("sanctions add needs --reason.");
        }

        var from = ParseTime(options, "from") ?? DateTimeOffset.UtcNow;
        var until = ParseTime(options, "until");
        if (until <= from)
        {
            return Fail("--until must come after --from.");
        }

        await sanctions.AddAsync(new Sanction(supplierId, from, until, reason));
        Console.WriteLine($"Sanctioned '{supplierId}' from {from:u} {(until is { } end ? $"until {end:u}" : "indefinitely")}.");
        return 0;
    }

    private static DateTimeOffset? ParseTime(Dictionary<string, string?> options, string name) =>
        options.GetValueOrDefault(name) is not { } text ? null
        : DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime()
        : throw new ArgumentException($"--{name} '{text}' is not an ISO 8601 time (e.g. 2026-01-31T18:00:00Z).");

    private static string ReadPassword(Dictionary<string, string?> options)
    {
        var password = options.ContainsKey("password-stdin") ? Console.In.ReadLine() : options.GetValueOrDefault("password");
        return string.IsNullOrEmpty(password)
            ? throw new ArgumentException("Give the password with --password or on standard input with --password-stdin (at least 4 characters).")
            : password.Length < 4 ? throw new ArgumentException("A password has at least 4 characters.") : password;
    }

    /// <summary>Positional words, this command's own --options, and --Section:Key=value configuration settings.</summary>
    private static (List<string> Words, Dictionary<string, string?> Options, string[] Settings) Split(string[] args)
    {
        var words = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && (arg.Contains(':', StringComparison.Ordinal) || arg.StartsWith("--urls", StringComparison.Ordinal)))
            {
                settings.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
                {
                    settings.Add(args[++i]);
                }
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg[2..];
                // A flag (--password-stdin, --sme) takes no value: the next argument is another option or setting.
                var flag = name == "password-stdin" || i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal);
                options[name] = flag ? null : args[++i];
            }
            else
            {
                words.Add(arg);
            }
        }

        return (words, options, [.. settings]);
    }

    private static int Fail(string message, AdminExtension? extension = null)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(Usage);
        if (extension is not null)
        {
            Console.Error.WriteLine(extension.Usage);
        }

        return 2;
    }
}
