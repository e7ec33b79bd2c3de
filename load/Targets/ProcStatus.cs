using System.Globalization;

namespace CompraNet.AuctionLoad.Targets;

/// <summary>Reads a process's resident set (VmRSS) from /proc, for hosts that do not report their own memory.</summary>
public static class ProcStatus
{
    public static ProcessMemory? Read(int processId)
    {
        var path = $"/proc/{processId}/status";
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kilobytes = long.Parse(line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                return new ProcessMemory(kilobytes * 1024, null, null, $"/proc/{processId}/status VmRSS");
            }
        }

        return null;
    }
}
