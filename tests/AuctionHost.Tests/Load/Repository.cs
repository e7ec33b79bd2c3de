namespace CompraNet.AuctionHost.Tests.Load;

/// <summary>Where the repository and the built load tool are, from the test assembly's own location.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The load tool built in the same configuration as these tests (the solution build makes both).</summary>
    public static string LoadToolDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(Root, "load", "bin", configuration, "net10.0", "AuctionLoad.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the load tool first: dotnet build -c {configuration} load", dll);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CompraNet.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("CompraNet.sln not found above the test assembly.");
    }
}
