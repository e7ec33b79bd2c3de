using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CompraNet.AuctionHost.Admin;
using CompraNet.AuctionHost.Tests.Infrastructure;

namespace CompraNet.AuctionHost.Tests.Admin;

/// <summary>The operator commands create accounts that then sign in, and the ops report answers officers and auditors only.</summary>
[Trait("Category", "Integration")]
public sealed class AdminCommandsTests
{
    [Fact]
    public async Task SeedSuppliersAndAdd_ThenHostSignsThemIn()
    {
        var data = Directory.CreateTempSubdirectory("compranet-admin-").FullName;
        var settings = $"--CompraNet:DataDirectory={data}";

        var seeded = await AdminCommands.TryRunAsync(["accounts", "seed-suppliers", "--prefix", "load", "--count", "25", "--password", "s3cret", settings]);
        var again = await AdminCommands.TryRunAsync(["accounts", "seed-suppliers", "--prefix", "load", "--count", "25", "--password", "s3cret", settings]);
        var added = await AdminCommands.TryRunAsync(["accounts", "add", "ops1", "auditor", "--password", "0ps-pass", settings]);
        var badRole = await AdminCommands.TryRunAsync(["accounts", "add", "x", "admin", "--password", "abcd", settings]);

        Assert.Equal([0, 0, 0, 2], new[] { seeded, again, added, badRole });
        await using var host = await RunningHost.StartAsync(dataDirectory: data);
        Assert.NotEmpty(await host.TokenAsync("load-0025", "s3cret"));
        var auditor = await host.TokenAsync("ops1", "0ps-pass");
        using var client = host.Client(auditor);
        var report = await client.GetFromJsonAsync<JsonElement>("/api/ops/process?gc=true");
        Assert.True(report.GetProperty("workingSetBytes").GetInt64() > 0);
        Assert.True(report.GetProperty("activeAuctions").GetInt32() >= 1, "the live demo auction is active");
        using var supplier = host.Client(await host.TokenAsync("load-0001", "s3cret"));
        Assert.Equal(HttpStatusCode.Forbidden, (await supplier.GetAsync("/api/ops/process")).StatusCode);
    }

    [Fact]
    public async Task HostArguments_AreNotACommand()
    {
        Assert.Null(await AdminCommands.TryRunAsync(["--urls", "http://127.0.0.1:1"]));
        Assert.Null(await AdminCommands.TryRunAsync([]));
    }
}
