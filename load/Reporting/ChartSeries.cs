namespace CompraNet.AuctionLoad.Reporting;

/// <summary>One line of a chart: a name for the legend, a colour, and its points in data units.</summary>
public sealed record ChartSeries(string Name, string Color, IReadOnlyList<(double X, double Y)> Points);
