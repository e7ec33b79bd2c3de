using CompraNet.AuctionHost.Admin;

namespace CompraNet.ProcurementPortal.Admin;

/// <summary>The engine takes one <see cref="AdminExtension"/>; this joins the portal's command sets into one, each keeping its own words and usage.</summary>
public static class AdminExtensionSet
{
    public static AdminExtension Combine(params AdminExtension[] extensions)
    {
        var commands = new HashSet<string>(StringComparer.Ordinal);
        foreach (var extension in extensions)
        {
            if (extension.Commands.Overlaps(commands))
            {
                throw new ArgumentException($"Two command sets handle '{string.Join("', '", extension.Commands.Intersect(commands))}'.", nameof(extensions));
            }

            commands.UnionWith(extension.Commands);
        }

        return new AdminExtension(
            commands,
            invocation => extensions.First(e => e.Commands.Contains(invocation.Words[0])).RunAsync(invocation),
            string.Join(Environment.NewLine, extensions.Select(e => e.Usage.TrimEnd())) + Environment.NewLine);
    }
}
