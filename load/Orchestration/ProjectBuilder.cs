using System.Diagnostics;

namespace CompraNet.AuctionLoad.Orchestration;

/// <summary>Builds the apps compare starts (Release) and finds their dlls, so children run from the built output, not via dotnet run.</summary>
public static class ProjectBuilder
{
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CompraNet.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Could not find the repository (CompraNet.sln) above the current folder or the tool's folder.");
    }

    /// <summary>The project's Release dll, built first unless <paramref name="skipBuild"/>.</summary>
    public static async Task<string> BuildAsync(string projectFile, bool skipBuild, CancellationToken cancellationToken)
    {
        var name = Path.GetFileNameWithoutExtension(projectFile);
        var dll = Path.Combine(Path.GetDirectoryName(projectFile)!, "bin", "Release", "net10.0", name + ".dll");
        if (!skipBuild)
        {
            Console.WriteLine($"[compare] building {name} (Release)");
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "build", projectFile, "-c", "Release", "-nologo", "-v", "q" })
            {
                info.ArgumentList.Add(argument);
            }

            using var build = Process.Start(info)!;
            var output = build.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = build.StandardError.ReadToEndAsync(cancellationToken);
            await build.WaitForExitAsync(cancellationToken);
            if (build.ExitCode != 0)
            {
                throw new InvalidOperationException($"Building {projectFile} failed:\n{await output}\n{await errors}");
            }
        }

        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is missing: build {projectFile} in Release first (or drop --no-build).", dll);
    }
}
