using System.Globalization;
using System.Net;
using System.Text;
using AfirGen.PerfGate.Comparison;

namespace AfirGen.PerfGate.Reports;

/// <summary>Inline SVG drawn on the server, so the HTML report needs no script and no external file.</summary>
internal static class SvgCharts
{
    /// <summary>Most characters of a name drawn beside a bar; the full name is in the row's title.</summary>
    public const int MaxLabelChars = 64;

    private const int Width = 1120;
    private const int LabelWidth = 420;
    private const int PlotLeft = LabelWidth + 14;
    private const int PlotRight = Width - 76;
    private const int RowHeight = 20;
    private const int Top = 28;
    private const int MaxDots = 200;

    // A bar this far (in percent) past the next largest is left off the axis rather than flatten every other bar.
    private const double FarBar = 50;

    // The axis spans at least this much either side of zero, so small noise does not look dramatic.
    private const double MinSide = 5;

    // Sample spread, in robust standard deviations (1.4826 MAD) from a side's median, that the strip plot's axis keeps.
    private const double StripSigmas = 5;

    /// <summary>Horizontal bars of each benchmark's headline change, with CI whiskers, coloured by verdict.</summary>
    public static string ChangeChart(IReadOnlyList<BenchmarkComparison> rows)
    {
        var bars = rows.Select(b => (b, m: ReportContext.Headline(b)!)).Where(x => x.m?.Ratio is { } r && !double.IsNaN(r)).ToList();
        if (bars.Count == 0)
        {
            return "";
        }

        // A linear percent scale fitted to the data, not to a fixed ±100%: asymmetric, nice ticks, far values marked at the edge.
        var (low, high, step) = ChangeDomain(bars.Select(x => x.m).ToList());
        double X(double percent) => PlotLeft + ((Math.Clamp(percent, low, high) - low) / (high - low) * (PlotRight - PlotLeft));
        var zero = X(0);

        var height = Top + (bars.Count * RowHeight) + 10;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"Change per benchmark\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\">\n");
        for (var i = 0; low + (i * step) <= high + (step / 1e6); i++)
        {
            var tick = low + (i * step);
            var x = X(tick);
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{N(x)}\" y1=\"{Top - 6}\" x2=\"{N(x)}\" y2=\"{height - 6}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{N(x)}\" y=\"{Top - 10}\" text-anchor=\"middle\">{TickPercent(tick)}</text>\n");
        }

        for (var i = 0; i < bars.Count; i++)
        {
            var (b, m) = bars[i];
            var y = Top + (i * RowHeight);
            var ratio = m.Ratio!.Value;
            var change = DisplayFormat.ChangeWithCi(ratio, m.CiLower, m.CiUpper);
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"v-{b.Verdict.ToName()}\"><title>{Encode(PlainText.Clean(b.Id, 1000))}: {b.Verdict.ToName()} {change}</title>");
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{LabelWidth}\" y=\"{y + 13}\" text-anchor=\"end\">{Encode(Label(b.Id, MaxLabelChars))}</text>");
            var p = Percent(ratio);
            var x = X(p);
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{N(Math.Min(x, zero))}\" y=\"{y + 4}\" width=\"{N(Math.Max(Math.Abs(x - zero), 1))}\" height=\"12\"/>");
            if (p > high || p < low)
            {
                var right = p > high;
                sb.Append(Chevron("off-axis bar-edge", right ? PlotRight + 3 : PlotLeft - 3, y + 4, 12, right));
                sb.Append(CultureInfo.InvariantCulture, $"<text class=\"off-axis-value\" x=\"{N(right ? PlotRight + 12 : PlotLeft + 4)}\" y=\"{y + 13}\">{DisplayFormat.Change(ratio)}</text>");
            }

            if (m.CiLower is { } lo && m.CiUpper is { } hi)
            {
                Whisker(sb, lo, hi, y, X, low, high);
            }

            sb.Append("</g>\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{N(zero)}\" y1=\"{Top - 6}\" x2=\"{N(zero)}\" y2=\"{height - 6}\"/>\n</svg>\n");
        return sb.ToString();
    }

    /// <summary>
    /// The change axis in percent and its tick step: every bar except ones far past the rest, whisker ends up to 1.5 times
    /// that reach, at least ±5%, rounded out to whole ticks and never below −100%.
    /// </summary>
    internal static (double Low, double High, double Step) ChangeDomain(IReadOnlyList<MetricComparison> metrics)
    {
        var changes = metrics.Select(m => Percent(m.Ratio!.Value)).Where(double.IsFinite).ToList();
        var magnitudes = changes.Select(Math.Abs).OrderDescending().ToList();
        var kept = 0;
        while (kept < magnitudes.Count - 1 && magnitudes[kept] > FarBar && magnitudes[kept] > 3 * magnitudes[kept + 1])
        {
            kept++;
        }

        var reach = magnitudes.Count == 0 ? MinSide : Math.Max(magnitudes[kept], MinSide);
        var ends = metrics.Where(m => m.CiLower > 0 && m.CiUpper is { } u && double.IsFinite(u))
            .SelectMany(m => new[] { Percent(m.CiLower!.Value), Percent(m.CiUpper!.Value) });
        var shown = changes.Where(c => Math.Abs(c) <= reach).Concat(ends.Where(e => Math.Abs(e) <= 1.5 * reach)).ToList();
        var low = Math.Min(-MinSide, shown.DefaultIfEmpty(0).Min());
        var high = Math.Max(MinSide, shown.DefaultIfEmpty(0).Max());
        var step = NiceStep((high - low) / 6);
        return (Math.Max(Math.Floor(low / step) * step, -100), Math.Ceiling(high / step) * step, step);
    }

    /// <summary>A strip plot with a box (quartiles and median) per side: baseline above, current below; far samples piled at the edge with a count.</summary>
    public static string Distribution(IReadOnlyList<double> baseline, IReadOnlyList<double> current)
    {
        const int width = 520, left = 70, right = 430;
        var sides = new[] { baseline, current }.Select(s => s.Where(double.IsFinite).Order().ToList()).ToList();
        if (sides.All(s => s.Count == 0))
        {
            return "";
        }

        // The union of each side's robust range: one outlier cannot flatten the rest, and two sides far apart both stay whole.
        var ranges = sides.Where(s => s.Count > 0).Select(RobustRange).ToList();
        var (lo, hi) = (ranges.Min(r => r.Low), ranges.Max(r => r.High));
        if (hi <= lo)
        {
            var pad = Math.Max(Math.Abs(lo) * 0.01, 1);
            (lo, hi) = (lo - pad, hi + pad);
        }

        var axis = new StripAxis(lo, hi, left, right);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"dist\" role=\"img\" aria-label=\"Samples, baseline and current\" viewBox=\"0 0 {width} 86\" width=\"{width}\" height=\"86\">\n");
        Side(sb, "baseline", sides[0], 22, axis);
        Side(sb, "current", sides[1], 52, axis);
        sb.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{left}\" y=\"82\">{DisplayFormat.Time(lo)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{right}\" y=\"82\" text-anchor=\"end\">{DisplayFormat.Time(hi)}</text>\n</svg>\n");
        return sb.ToString();
    }

    /// <summary>The range a strip plot keeps of one side's sorted samples: median ± 5 robust standard deviations, within the samples' own extent.</summary>
    internal static (double Low, double High) RobustRange(List<double> sorted)
    {
        var median = Quantile(sorted, 0.5);
        var sigma = 1.4826 * Quantile(sorted.Select(v => Math.Abs(v - median)).Order().ToList(), 0.5);
        if (sigma == 0)
        {
            // Over half the samples equal: the 10th–90th percentile spread stands in (2.563 standard deviations for a normal).
            sigma = (Quantile(sorted, 0.9) - Quantile(sorted, 0.1)) / 2.563;
        }

        return sigma == 0 ? (sorted[0], sorted[^1])
            : (Math.Max(sorted[0], median - (StripSigmas * sigma)), Math.Min(sorted[^1], median + (StripSigmas * sigma)));
    }

    /// <summary>A tick step of 1, 2, 2.5 or 5 times a power of ten, the smallest at least <paramref name="rough"/>.</summary>
    internal static double NiceStep(double rough)
    {
        if (!(rough > 0) || !double.IsFinite(rough))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var f = rough / power;
        return power * (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10);
    }

    /// <summary>An untrusted name cleaned to one line, cut from the front to <paramref name="max"/> characters so the method name stays.</summary>
    internal static string Label(string? name, int max)
    {
        var clean = PlainText.Clean(name, 1000);
        if (clean.Length <= max)
        {
            return clean;
        }

        var start = clean.Length - (max - 1);
        return "…" + clean[(char.IsLowSurrogate(clean[start]) ? start + 1 : start)..];
    }

    /// <summary>The value at quantile <paramref name="q"/> of sorted values, interpolating between neighbours.</summary>
    internal static double Quantile(List<double> sorted, double q)
    {
        var pos = q * (sorted.Count - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((pos - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>A "&gt;" (or "&lt;") at <paramref name="x"/>, <paramref name="height"/> tall: the mark of something that goes on past the axis.</summary>
    internal static string Chevron(string cssClass, double x, double top, double height, bool pointsRight) =>
        string.Create(CultureInfo.InvariantCulture, $"<path class=\"{cssClass}\" d=\"M{N(x)} {N(top)}l{(pointsRight ? 5 : -5)} {N(height / 2)}l{(pointsRight ? -5 : 5)} {N(height / 2)}\"/>");

    /// <summary>HTML-encodes text already made plain.</summary>
    internal static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A coordinate to one decimal, invariant culture.</summary>
    internal static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static double Percent(double ratio) => (ratio - 1) * 100;

    // Ticks fall on whole steps, so "+10%" says it; "+10.0%" only adds noise.
    private static string TickPercent(double percent) =>
        Math.Abs(percent) < 1e-9 ? "0%" : (percent > 0 ? "+" : "") + percent.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static void Whisker(StringBuilder sb, double lo, double hi, int y, Func<double, double> x, double low, double high)
    {
        var (pLo, pHi) = (Percent(lo), Percent(hi));
        // An interval too wide to exist at the suite's confidence (lower bound at or below zero) runs off the axis by definition.
        var offLeft = lo <= 0 || pLo < low;
        var offRight = !double.IsFinite(hi) || pHi > high;
        var (x1, x2) = (offLeft ? PlotLeft : x(pLo), offRight ? PlotRight : x(pHi));
        sb.Append(CultureInfo.InvariantCulture, $"<path class=\"whisker\" d=\"M{N(x1)} {y + 10}H{N(x2)}");
        // A cap marks an end that is on the axis; an end past the far edge has none.
        sb.Append(offLeft || pLo > high ? "" : string.Create(CultureInfo.InvariantCulture, $"M{N(x1)} {y + 6}V{y + 14}"));
        sb.Append(offRight || pHi < low ? "" : string.Create(CultureInfo.InvariantCulture, $"M{N(x2)} {y + 6}V{y + 14}"));
        sb.Append("\"/>");
        if (offLeft)
        {
            sb.Append(Chevron("off-axis whisker-edge", PlotLeft - 3, y + 6, 8, pointsRight: false));
        }

        if (offRight)
        {
            sb.Append(Chevron("off-axis whisker-edge", PlotRight + 3, y + 6, 8, pointsRight: true));
        }
    }

    private static void Side(StringBuilder sb, string name, List<double> sorted, int y, StripAxis axis)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<g class=\"side-{name}\"><text class=\"tick\" x=\"0\" y=\"{y + 4}\">{name}</text>");
        if (sorted.Count > 0)
        {
            var inside = sorted.Where(v => v >= axis.Low && v <= axis.High).ToList();
            // Thin out evenly so a long run keeps the page small; the box still uses every sample.
            var step = Math.Max(1, (inside.Count + MaxDots - 1) / MaxDots);
            for (var i = 0; i < inside.Count; i += step)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(axis.X(inside[i]))}\" cy=\"{y - 6 + (i / step % 5 * 3)}\" r=\"2\"/>");
            }

            var (q1, med, q3) = (Quantile(sorted, 0.25), Quantile(sorted, 0.5), Quantile(sorted, 0.75));
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"box\" x=\"{N(axis.X(q1))}\" y=\"{y - 9}\" width=\"{N(Math.Max(axis.X(q3) - axis.X(q1), 1))}\" height=\"18\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"median\" x1=\"{N(axis.X(med))}\" y1=\"{y - 11}\" x2=\"{N(axis.X(med))}\" y2=\"{y + 11}\"/>");
            Pile(sb, sorted.Where(v => v < axis.Low).ToList(), "below", axis.Left - 4, 0, y, pointsRight: false);
            Pile(sb, sorted.Where(v => v > axis.High).ToList(), "above", axis.Right + 4, axis.Right + 12, y, pointsRight: true);
        }

        sb.Append("</g>\n");
    }

    /// <summary>Samples past one end of the axis: a chevron at that edge and how many, the farthest in the title.</summary>
    private static void Pile(StringBuilder sb, List<double> far, string where, double edge, double textX, int y, bool pointsRight)
    {
        if (far.Count == 0)
        {
            return;
        }

        var farthest = pointsRight ? far[^1] : far[0];
        var title = $"{DisplayFormat.Count(far.Count)} {(far.Count == 1 ? "sample" : "samples")} {where} the axis, the farthest {DisplayFormat.Time(farthest)}";
        sb.Append(CultureInfo.InvariantCulture, $"<g class=\"off-axis pile-{where}\"><title>{title}</title>").Append(Chevron("off-axis", edge, y - 6, 12, pointsRight));
        // Below-counts sit under the side's name, since the names fill the left margin.
        sb.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{N(textX)}\" y=\"{(pointsRight ? y + 4 : y + 16)}\">{DisplayFormat.Count(far.Count)} {where}</text></g>");
    }

    /// <summary>The strip plot's value axis: samples in [Low, High] map onto [Left, Right].</summary>
    private sealed record StripAxis(double Low, double High, double Left, double Right)
    {
        public double X(double v) => Left + ((Math.Clamp(v, Low, High) - Low) / (High - Low) * (Right - Left));
    }
}
