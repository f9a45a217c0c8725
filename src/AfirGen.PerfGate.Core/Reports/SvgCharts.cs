using System.Globalization;
using System.Net;
using System.Text;
using AfirGen.PerfGate.Comparison;

namespace AfirGen.PerfGate.Reports;

/// <summary>Inline SVG drawn on the server, so the HTML report needs no script and no external file.</summary>
internal static class SvgCharts
{
    private const int Width = 960;
    private const int LabelWidth = 320;
    private const int PlotLeft = LabelWidth + 10;
    private const int PlotRight = Width - 20;
    private const int RowHeight = 20;
    private const int Top = 28;
    private const int MaxDots = 200;

    /// <summary>Horizontal bars of each benchmark's headline change, with CI whiskers, coloured by verdict.</summary>
    public static string ChangeChart(IReadOnlyList<BenchmarkComparison> rows)
    {
        var bars = rows.Select(b => (b, m: ReportContext.Headline(b))).Where(x => x.m?.Ratio is not null).ToList();
        if (bars.Count == 0)
        {
            return "";
        }

        // The scale spans the largest change or bound, at least ±10% so small noise does not look dramatic, at most ±100%.
        var extent = bars.SelectMany(x => new[] { x.m!.Ratio, x.m.CiLower, x.m.CiUpper })
            .Where(r => r is { } v && double.IsFinite(v)).Select(r => Math.Abs((r!.Value - 1) * 100)).DefaultIfEmpty(0).Max();
        var domain = Math.Clamp(Math.Ceiling(extent / 10) * 10, 10, 100);
        var zero = (PlotLeft + PlotRight) / 2.0;
        double X(double ratio) => zero + (Math.Clamp((ratio - 1) * 100, -domain, domain) / domain * (PlotRight - zero));

        var height = Top + (bars.Count * RowHeight) + 10;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"Change per benchmark\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\">\n");
        foreach (var tick in new[] { -1, -0.5, 0, 0.5, 1 })
        {
            var x = zero + (tick * (PlotRight - zero));
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{N(x)}\" y1=\"{Top - 6}\" x2=\"{N(x)}\" y2=\"{height - 6}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{N(x)}\" y=\"{Top - 10}\" text-anchor=\"middle\">{DisplayFormat.Change(1 + (tick * domain / 100))}</text>\n");
        }

        for (var i = 0; i < bars.Count; i++)
        {
            var (b, m) = bars[i];
            var y = Top + (i * RowHeight);
            var ratio = m!.Ratio!.Value;
            var change = DisplayFormat.ChangeWithCi(ratio, m.CiLower, m.CiUpper);
            var label = Encode(PlainText.Clean(b.Id, 48));
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"v-{b.Verdict.ToName()}\"><title>{Encode(PlainText.Clean(b.Id, 1000))}: {b.Verdict.ToName()} {change}</title>");
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{LabelWidth}\" y=\"{y + 13}\" text-anchor=\"end\">{label}</text>");
            var x = X(ratio);
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{N(Math.Min(x, zero))}\" y=\"{y + 4}\" width=\"{N(Math.Max(Math.Abs(x - zero), 1))}\" height=\"12\"/>");
            if (m.CiLower is { } lo && m.CiUpper is { } hi)
            {
                var (x1, x2, ym) = (N(X(lo)), N(X(hi)), N(y + 10));
                sb.Append(CultureInfo.InvariantCulture, $"<path class=\"whisker\" d=\"M{x1} {ym}H{x2}M{x1} {y + 6}V{y + 14}M{x2} {y + 6}V{y + 14}\"/>");
            }

            sb.Append("</g>\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{N(zero)}\" y1=\"{Top - 6}\" x2=\"{N(zero)}\" y2=\"{height - 6}\"/>\n</svg>\n");
        return sb.ToString();
    }

    /// <summary>A strip plot with a box (quartiles and median) per side: baseline above, current below.</summary>
    public static string Distribution(IReadOnlyList<double> baseline, IReadOnlyList<double> current)
    {
        const int width = 480, left = 70, right = 470;
        var all = baseline.Concat(current).Where(double.IsFinite).ToList();
        if (all.Count == 0)
        {
            return "";
        }

        var (min, max) = (all.Min(), all.Max());
        var span = max > min ? max - min : 1;
        double X(double v) => left + ((v - min) / span * (right - left));

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"dist\" role=\"img\" aria-label=\"Samples, baseline and current\" viewBox=\"0 0 {width} 86\" width=\"{width}\" height=\"86\">\n");
        Side(sb, "baseline", baseline, 22, X);
        Side(sb, "current", current, 52, X);
        sb.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{left}\" y=\"82\">{DisplayFormat.Time(min)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{right}\" y=\"82\" text-anchor=\"end\">{DisplayFormat.Time(max)}</text>\n</svg>\n");
        return sb.ToString();
    }

    private static void Side(StringBuilder sb, string name, IReadOnlyList<double> samples, int y, Func<double, double> x)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<g class=\"side-{name}\"><text class=\"tick\" x=\"0\" y=\"{y + 4}\">{name}</text>");
        var finite = samples.Where(double.IsFinite).ToList();
        if (finite.Count > 0)
        {
            // Thin out evenly so a long run keeps the page small; the box still uses every sample.
            var step = Math.Max(1, (finite.Count + MaxDots - 1) / MaxDots);
            for (var i = 0; i < finite.Count; i += step)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(x(finite[i]))}\" cy=\"{y - 6 + (i / step % 5 * 3)}\" r=\"2\"/>");
            }

            var sorted = finite.Order().ToList();
            var (q1, med, q3) = (Quantile(sorted, 0.25), Quantile(sorted, 0.5), Quantile(sorted, 0.75));
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"box\" x=\"{N(x(q1))}\" y=\"{y - 9}\" width=\"{N(Math.Max(x(q3) - x(q1), 1))}\" height=\"18\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"median\" x1=\"{N(x(med))}\" y1=\"{y - 11}\" x2=\"{N(x(med))}\" y2=\"{y + 11}\"/>");
        }

        sb.Append("</g>\n");
    }

    private static double Quantile(List<double> sorted, double q)
    {
        var pos = q * (sorted.Count - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((pos - lo) * (sorted[hi] - sorted[lo]));
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
