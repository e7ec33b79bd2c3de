using System.Globalization;
using System.Security;
using System.Text;

namespace CompraNet.AuctionLoad.Reporting;

/// <summary>
/// A plain SVG line chart, written by hand (no script, no library): axes with round ticks, one polyline per
/// series, a legend. <see cref="XTicks"/> replaces the numeric x ticks when the x axis is not linear in meaning.
/// </summary>
public sealed class SvgLineChart(string title, string xLabel, string yLabel)
{
    private const int Width = 760;
    private const int Height = 340;
    private const int Left = 70;
    private const int Right = 20;
    private const int Top = 40;
    private const int Bottom = 50;

    public static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

    public List<ChartSeries> Series { get; } = [];

    public IReadOnlyList<(double X, string Label)>? XTicks { get; init; }

    /// <summary>A logarithmic y axis (powers of ten), for latencies spanning orders of magnitude.</summary>
    public bool LogY { get; init; }

    public string Render()
    {
        var points = Series.SelectMany(s => s.Points).ToList();
        var (xMin, xMax) = points.Count == 0 ? (0.0, 1.0) : (points.Min(p => p.X), points.Max(p => p.X));
        var yMax = points.Count == 0 ? 1.0 : Math.Max(points.Max(p => p.Y), 1e-9);
        if (xMax <= xMin)
        {
            xMax = xMin + 1;
        }

        var positive = points.Where(p => p.Y > 0).Select(p => p.Y).DefaultIfEmpty(1).ToList();
        var (logMin, logMax) = (Math.Floor(Math.Log10(positive.Min())), Math.Ceiling(Math.Log10(Math.Max(positive.Max(), positive.Min() * 10))));
        var yStep = NiceStep(yMax / 5);
        yMax = Math.Ceiling(yMax / yStep) * yStep;
        double X(double x) => Left + ((x - xMin) / (xMax - xMin) * (Width - Left - Right));
        double Fraction(double y) => LogY ? (Math.Log10(Math.Max(y, Math.Pow(10, logMin))) - logMin) / (logMax - logMin) : y / yMax;
        double Y(double y) => Height - Bottom - (Fraction(y) * (Height - Top - Bottom));
        var yTicks = LogY
            ? Enumerable.Range((int)logMin, (int)(logMax - logMin) + 1).Select(e => Math.Pow(10, e)).ToList()
            : Enumerable.Range(0, (int)Math.Round(yMax / yStep) + 1).Select(k => k * yStep).ToList();

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{Esc(title)}</text>\n");

        foreach (var y in yTicks)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(y):0.#}\" y2=\"{Y(y):0.#}\" stroke=\"#e5e5e5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Y(y) + 4:0.#}\" text-anchor=\"end\">{Number(y)}</text>\n");
        }

        var xTicks = XTicks ?? LinearTicks(xMin, xMax);
        foreach (var (x, label) in xTicks.Where(t => t.X >= xMin && t.X <= xMax))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(x):0.#}\" x2=\"{X(x):0.#}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"#f0f0f0\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(x):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Esc(label)}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 12}\" text-anchor=\"middle\">{Esc(xLabel)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(16 {(Top + Height - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">{Esc(yLabel)}</text>\n");

        foreach (var series in Series.Where(s => s.Points.Count > 0))
        {
            var path = string.Join(' ', series.Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.X):0.#},{Y(p.Y):0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{series.Color}\" stroke-width=\"2\" points=\"{path}\"/>\n");
        }

        var legendY = Top + 4;
        foreach (var series in Series)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Width - Right - 170}\" y=\"{legendY}\" width=\"12\" height=\"12\" fill=\"{series.Color}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right - 152}\" y=\"{legendY + 10}\">{Esc(series.Name)}</text>\n");
            legendY += 18;
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static List<(double, string)> LinearTicks(double min, double max)
    {
        var step = NiceStep((max - min) / 8);
        var ticks = new List<(double, string)>();
        for (var x = Math.Ceiling(min / step) * step; x <= max + (step / 1000); x += step)
        {
            ticks.Add((x, Number(x)));
        }

        return ticks;
    }

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    private static double NiceStep(double rough)
    {
        if (rough <= 0 || !double.IsFinite(rough))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    private static string Number(double value) =>
        Math.Abs(value) >= 1000 ? value.ToString("#,0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 10 || value == 0 ? value.ToString("0.#", CultureInfo.InvariantCulture)
        : value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Esc(string text) => SecurityElement.Escape(text) ?? string.Empty;
}
