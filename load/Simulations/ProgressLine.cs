using System.Globalization;
using System.Text;

namespace CompraNet.AuctionLoad.Simulations;

/// <summary>The live line printed every second: phase, elapsed time, and per measurement the rate, failures and p99 of that second.</summary>
public static class ProgressLine
{
    private static readonly bool Redirected = Console.IsOutputRedirected;

    public static void Print(string label, string phase, double elapsed, double total, IReadOnlyList<(string Name, SecondSample Sample)> samples)
    {
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"[{label}] {phase,-8} {elapsed,5:0}s/{total:0}s");
        foreach (var (name, sample) in samples)
        {
            line.Append(CultureInfo.InvariantCulture, $" | {name} {sample.Ok,7:N0}/s fail {sample.Failed:N0} p99 {sample.P99Ms:0.0}ms");
        }

        Write(line.ToString());
    }

    public static void Write(string text)
    {
        // On a terminal the line rewrites itself; into a file or pipe each second is its own line.
        if (Redirected)
        {
            Console.WriteLine(text);
        }
        else
        {
            var width = Math.Max(20, SafeWidth() - 1);
            Console.Write("\r" + (text.Length > width ? text[..width] : text.PadRight(width)));
        }
    }

    public static void Finish()
    {
        if (!Redirected)
        {
            Console.WriteLine();
        }
    }

    private static int SafeWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 120;
        }
    }
}
