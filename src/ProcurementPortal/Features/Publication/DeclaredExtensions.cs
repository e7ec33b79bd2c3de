namespace CompraNet.ProcurementPortal.Features.Publication;

/// <summary>The OCDS extensions the portal's releases use, declared in every package (extension.json URLs at the pinned commits).</summary>
public static class DeclaredExtensions
{
    public static readonly IReadOnlyList<string> Urls =
    [
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json",
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json",
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_techniques_extension/master/extension.json",
        "https://raw.githubusercontent.com/CompraNet/ocds_cycle_extension/master/extension.json",
    ];
}
