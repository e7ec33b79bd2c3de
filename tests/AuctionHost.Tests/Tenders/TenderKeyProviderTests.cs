using CompraNet.AuctionHost.Hosting;
using CompraNet.AuctionHost.Tenders;

namespace CompraNet.AuctionHost.Tests.Tenders;

public sealed class TenderKeyProviderTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"compranet-keys-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public void Resolve_EmbeddedWithoutKey_GeneratesOneOwnerOnlyFileOnceAndKeepsIt()
    {
        var options = new CompraNetOptions { DataDirectory = _dataDirectory };

        var first = TenderKeyProvider.Resolve(new TenderOptions(), options);
        var second = TenderKeyProvider.Resolve(new TenderOptions(), options);

        var path = Path.Combine(_dataDirectory, TenderKeyProvider.KeyFileName);
        Assert.Equal(first, second);
        Assert.Equal(32, first.Length);
        Assert.Equal([TenderKeyProvider.KeyFileName], Directory.GetFiles(_dataDirectory).Select(Path.GetFileName));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Resolve_ManyStartsAtOnce_AllGetTheSameKey()
    {
        var options = new CompraNetOptions { DataDirectory = _dataDirectory };

        var keys = Enumerable.Range(0, 8).AsParallel().Select(_ => TenderKeyProvider.Resolve(new TenderOptions(), options)).ToList();

        Assert.All(keys, key => Assert.Equal(keys[0], key));
        Assert.Single(Directory.GetFiles(_dataDirectory));
    }

    [Fact]
    public void Resolve_ConfiguredKey_UsesItAndWritesNoFile()
    {
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(48);

        var resolved = TenderKeyProvider.Resolve(new TenderOptions { MasterKey = Convert.ToBase64String(key) }, new CompraNetOptions { DataDirectory = _dataDirectory });

        Assert.Equal(key, resolved);
        Assert.False(Directory.Exists(_dataDirectory));
    }

    [Fact]
    public void Resolve_ClusterModeWithoutKey_ThrowsNamingTheSetting()
    {
        var options = new CompraNetOptions { Mode = CompraNetOptions.ClusterMode, DataDirectory = _dataDirectory };

        var error = Assert.Throws<InvalidOperationException>(() => TenderKeyProvider.Resolve(new TenderOptions(), options));

        Assert.Contains("CompraNet:Tenders:MasterKey", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dataDirectory));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")] // 31 bytes
    public void Resolve_MalformedOrShortKey_Throws(string key)
    {
        Assert.Throws<InvalidOperationException>(() => TenderKeyProvider.Resolve(new TenderOptions { MasterKey = key }, new CompraNetOptions { DataDirectory = _dataDirectory }));
    }
}
