using System.Globalization;
using System.Net;
using System.Text;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.History;

/// <summary>
/// The static trend page: an index with the most recent changes first, then one chart per benchmark and metric, each
/// run's own interval as a band, each segment's level, change points and machine changes marked. Inline SVG and CSS
/// only: no script, nothing fetched, so it works from disk and from GitHub Pages alike.
/// </summary>
public static class HistoryPage
{
    /// <summary>The newest runs a chart draws; older ones stay in the store.</summary>
    public const int ChartRuns = 250;

    private const double Width = 760;
    private const double Height = 200;
    private const double Left = 70;
    private const double Right = 744;
    private const double Top = 14;
    private const double Bottom = 176;

    private const string Css = """
        .trend .run { fill: var(--fg); } .trend .band { fill: var(--new); opacity: 0.18; } .trend .line { fill: none; stroke: var(--new); stroke-width: 1.2; }
        .trend .level { stroke: var(--muted); stroke-width: 2; } .trend .grid { stroke: var(--line); stroke-dasharray: 2 3; }
        .trend .cp line { stroke: var(--c); stroke-width: 2; stroke-dasharray: 5 3; } .trend .cp text { fill: var(--c); font-weight: 600; }
        .trend .machine line { stroke: var(--muted); stroke-width: 1.5; stroke-dasharray: 1 3; } .trend .machine text { fill: var(--muted); }
        .trend .clipped { fill: var(--regressed); }
        .k-regressed { --c: var(--regressed); } .k-improved { --c: var(--improved); } .k-machine-changed, .k-acknowledged { --c: var(--missing); }
        section.series { border: 1px solid var(--line); border-left: 4px solid var(--c, var(--line)); border-radius: 6px; padding: 8px 12px; margin: 12px 0; }
        section.series h3 { font-size: 14px; margin: 0 0 4px; overflow-wrap: anywhere; } section.series li, section.series p { overflow-wrap: anywhere; }
        """;

    /// <summary>The page for <paramref name="analysis"/> of store <paramref name="store"/>; commits link to <paramref name="repositoryUrl"/> when given.</summary>
    public static string Render(HistoryAnalysis analysis, string store, string? repositoryUrl)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>perfgate history: ").Append(E(store)).Append("</title><style>").Append(HtmlStyle.Css).Append(Css).Append("</style></head><body>\n");
        h.Append("<h1>Performance history</h1><p class=\"muted\">").Append(E(store)).Append(": ")
            .Append(analysis.Entries.Count.ToString(CultureInfo.InvariantCulture)).Append(" runs");
        if (analysis.Entries.Count > 0)
        {
            h.Append(", ").Append(Day(analysis.Entries[0].CreatedAt)).Append(" to ").Append(Day(analysis.Entries[^1].CreatedAt));
        }

        h.Append(", ").Append(analysis.Series.Count.ToString(CultureInfo.InvariantCulture)).Append(" series.</p>\n");
        var failing = analysis.Failing.Count();
        h.Append("<div class=\"banner ").Append(failing > 0 ? "fail" : "pass").Append("\">")
            .Append(failing > 0
                ? string.Create(CultureInfo.InvariantCulture, $"<strong>{failing} regression{(failing == 1 ? "" : "s")}</strong> began in the last {analysis.Recent} runs.")
                : string.Create(CultureInfo.InvariantCulture, $"No unexplained regression began in the last {analysis.Recent} runs."))
            .Append("</div>\n");
        Index(h, analysis, repositoryUrl);
        h.Append("<h2>Trends</h2>\n");
        for (var i = 0; i < analysis.Series.Count; i++)
        {
            Series(h, analysis.Series[i], i, repositoryUrl);
        }

        h.Append("<footer>Each dot is one run; the band is that run's own 95% interval; grey bars are the levels between change points. ")
            .Append("Dashed lines mark change points (red: regressed, green: improved, grey: explained); dotted lines mark a change of machine. Made by perfgate.</footer>\n");
        h.Append("</body></html>\n");
        return h.ToString();
    }

    private static void Index(StringBuilder h, HistoryAnalysis analysis, string? url)
    {
        h.Append("<h2>Benchmarks, most recent change first</h2>\n<table><thead><tr><th>benchmark</th><th>metric</th><th>runs</th><th>latest</th><th>last change</th><th>began at</th></tr></thead><tbody>\n");
        for (var i = 0; i < analysis.Series.Count; i++)
        {
            var s = analysis.Series[i];
            var last = s.Changes.Count == 0 ? null : s.Changes[^1];
            h.Append("<tr><td class=\"id\"><a href=\"#s").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(E(s.Benchmark)).Append("</a></td><td>")
                .Append(s.Metric.Name()).Append("</td><td class=\"num\">").Append(s.Runs.Count.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"num\">")
                .Append(E(s.Metric.Format(s.Points[^1].Value))).Append("</td>");
            if (last is null)
            {
                h.Append("<td class=\"muted\">none</td><td></td></tr>\n");
                continue;
            }

            h.Append("<td><span class=\"pill k-").Append(Slug(last.Kind)).Append("\">").Append(last.Kind.Word()).Append(' ')
                .Append(DisplayFormat.SignedPercent(last.Step.Ratio * 100)).Append("</span> ")
                .Append(string.Create(CultureInfo.InvariantCulture, $"{last.RunsSince} run{(last.RunsSince == 1 ? "" : "s")} ago")).Append("</td><td>")
                .Append(Commit(last.FirstBad.Commit, url)).Append("</td></tr>\n");
        }

        h.Append("</tbody></table>\n");
    }

    private static void Series(StringBuilder h, HistorySeries s, int index, string? url)
    {
        var last = s.Changes.Count == 0 ? null : s.Changes[^1];
        h.Append("<section class=\"series").Append(last is null ? "" : " k-" + Slug(last.Kind)).Append("\" id=\"s").Append(index.ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append("<h3>").Append(E(s.Benchmark)).Append(" · ").Append(s.Metric.Name()).Append("</h3>\n");
        var from = Math.Max(0, s.Runs.Count - ChartRuns);
        if (from > 0)
        {
            h.Append("<p class=\"muted\">The newest ").Append(ChartRuns.ToString(CultureInfo.InvariantCulture)).Append(" of ")
                .Append(s.Runs.Count.ToString(CultureInfo.InvariantCulture)).Append(" runs.</p>");
        }

        Chart(h, s, from);
        if (s.Changes.Count > 0)
        {
            h.Append("<ul>");
            foreach (var c in s.Changes.Reverse())
            {
                var (low, high) = c.Step.Interval;
                h.Append("<li><span class=\"pill k-").Append(Slug(c.Kind)).Append("\">").Append(c.Kind.Word()).Append("</span> ")
                    .Append(DisplayFormat.SignedPercent(c.Step.Ratio * 100)).Append(" [").Append(DisplayFormat.SignedPercent(low * 100)).Append(", ")
                    .Append(DisplayFormat.SignedPercent(high * 100)).Append("], ").Append(E(s.Metric.Format(c.Before))).Append(" → ").Append(E(s.Metric.Format(c.After)))
                    .Append("; began at ").Append(Commit(c.FirstBad.Commit, url)).Append(" (").Append(Day(c.FirstBad.CreatedAt)).Append("), last good ")
                    .Append(Commit(c.LastGood.Commit, url));
                if (c.EarliestGood != c.LastGood || c.LatestBad != c.FirstBad)
                {
                    h.Append("; surely between ").Append(Commit(c.EarliestGood.Commit, url)).Append(" and ").Append(Commit(c.LatestBad.Commit, url));
                }

                if (c.Note is not null)
                {
                    h.Append("<br><span class=\"muted\">").Append(E(c.Note)).Append("</span>");
                }

                h.Append("</li>");
            }

            h.Append("</ul>\n");
        }

        foreach (var m in s.MachineChanges.Where(m => m >= from))
        {
            h.Append("<p class=\"muted\">Machine from ").Append(Commit(s.Runs[m].Commit, url)).Append(": ")
                .Append(E(s.Runs[m].Environment.Cpu ?? "unknown CPU")).Append(", ").Append(E(s.Runs[m].Environment.Os ?? "unknown OS")).Append(", ")
                .Append(E(s.Runs[m].Environment.Runtime ?? "unknown runtime")).Append("</p>\n");
        }

        h.Append("</section>\n");
    }

    private static void Chart(StringBuilder h, HistorySeries s, int from)
    {
        var count = s.Runs.Count - from;
        var values = new double[count];
        var lows = new double[count];
        var highs = new double[count];
        for (var i = 0; i < count; i++)
        {
            var p = s.Points[from + i];
            values[i] = p.Value;
            lows[i] = p.Value * Math.Exp(-1.96 * p.Error);
            highs[i] = p.Value * Math.Exp(1.96 * p.Error);
        }

        // The vertical range covers the middle of the runs and the levels, not one wild night: those are drawn at the edge.
        var sorted = values.Order().ToList();
        var lo = Math.Min(SvgCharts.Quantile(sorted, 0.02), s.Changes.Select(c => Math.Min(c.Before, c.After)).DefaultIfEmpty(double.MaxValue).Min());
        var hi = Math.Max(SvgCharts.Quantile(sorted, 0.98), s.Changes.Select(c => Math.Max(c.Before, c.After)).DefaultIfEmpty(double.MinValue).Max());
        if (hi <= lo)
        {
            (lo, hi) = (lo * 0.95, (hi * 1.05) + 1e-9);
        }

        var pad = (hi - lo) * 0.12;
        (lo, hi) = (Math.Max(lo - pad, 0), hi + pad);
        double X(int i) => count == 1 ? (Left + Right) / 2 : Left + (i * (Right - Left) / (count - 1));
        double Y(double v) => Bottom - ((Math.Clamp(v, lo, hi) - lo) / (hi - lo) * (Bottom - Top));
        h.Append("<svg class=\"trend\" viewBox=\"0 0 ").Append(N(Width)).Append(' ').Append(N(Height)).Append("\" role=\"img\" aria-label=\"")
            .Append(E($"{s.Benchmark} {s.Metric.Name()} over {count} runs")).Append("\">");
        for (var t = 0; t <= 4; t++)
        {
            var v = lo + ((hi - lo) * t / 4);
            h.Append("<line class=\"grid\" x1=\"").Append(N(Left)).Append("\" x2=\"").Append(N(Right)).Append("\" y1=\"").Append(N(Y(v))).Append("\" y2=\"").Append(N(Y(v))).Append("\"/>")
                .Append("<text class=\"tick\" x=\"").Append(N(Left - 6)).Append("\" y=\"").Append(N(Y(v) + 4)).Append("\" text-anchor=\"end\">").Append(E(s.Metric.Format(v))).Append("</text>");
        }

        var band = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            band.Append(N(X(i))).Append(',').Append(N(Y(highs[i]))).Append(' ');
        }

        for (var i = count - 1; i >= 0; i--)
        {
            band.Append(N(X(i))).Append(',').Append(N(Y(lows[i]))).Append(' ');
        }

        h.Append("<polygon class=\"band\" points=\"").Append(band.ToString().TrimEnd()).Append("\"/>");
        h.Append("<polyline class=\"line\" points=\"").Append(string.Join(' ', Enumerable.Range(0, count).Select(i => N(X(i)) + "," + N(Y(values[i]))))).Append("\"/>");
        Levels(h, s, from, X, Y);
        foreach (var m in s.MachineChanges.Where(m => m > from))
        {
            var x = (X(m - from - 1) + X(m - from)) / 2;
            h.Append("<g class=\"machine\"><line x1=\"").Append(N(x)).Append("\" x2=\"").Append(N(x)).Append("\" y1=\"").Append(N(Top)).Append("\" y2=\"").Append(N(Bottom)).Append("\"/>")
                .Append("<text x=\"").Append(N(x + 3)).Append("\" y=\"").Append(N(Bottom - 4)).Append("\">machine</text></g>");
        }

        foreach (var c in s.Changes.Where(c => c.Position > from))
        {
            var x = (X(c.Position - from - 1) + X(c.Position - from)) / 2;
            h.Append("<g class=\"cp k-").Append(Slug(c.Kind)).Append("\"><line x1=\"").Append(N(x)).Append("\" x2=\"").Append(N(x)).Append("\" y1=\"").Append(N(Top)).Append("\" y2=\"").Append(N(Bottom)).Append("\"/>")
                // Near the right edge the label goes on the line's left, so that it is never cut off.
                .Append("<text x=\"").Append(N(x > Right - 140 ? x - 4 : x + 4)).Append("\" y=\"").Append(N(Top + 10)).Append(x > Right - 140 ? "\" text-anchor=\"end\">" : "\">")
                .Append(c.Kind.Word()).Append(' ')
                .Append(DisplayFormat.SignedPercent(c.Step.Ratio * 100)).Append("</text></g>");
        }

        for (var i = 0; i < count; i++)
        {
            var run = s.Runs[from + i];
            var clipped = values[i] > hi || values[i] < lo;
            h.Append("<circle class=\"").Append(clipped ? "clipped" : "run").Append("\" cx=\"").Append(N(X(i))).Append("\" cy=\"").Append(N(Y(values[i]))).Append("\" r=\"2.4\"><title>")
                .Append(E($"{HistoryAnalysis.Abbreviate(run.Commit)} {Day(run.CreatedAt)}: {s.Metric.Format(values[i])}")).Append("</title></circle>");
        }

        var first = s.Runs[from].CreatedAt;
        var final = s.Runs[^1].CreatedAt;
        h.Append("<text class=\"tick\" x=\"").Append(N(Left)).Append("\" y=\"").Append(N(Height - 6)).Append("\">").Append(Day(first)).Append("</text>")
            .Append("<text class=\"tick\" x=\"").Append(N(Right)).Append("\" y=\"").Append(N(Height - 6)).Append("\" text-anchor=\"end\">").Append(Day(final)).Append("</text>");
        h.Append("</svg>\n");
    }

    // Each segment between change points drawn at its level, so that a step reads at a glance.
    private static void Levels(StringBuilder h, HistorySeries s, int from, Func<int, double> x, Func<double, double> y)
    {
        var bounds = s.Changes.Select(c => c.Position).Prepend(0).Append(s.Runs.Count).ToArray();
        for (var k = 0; k + 1 < bounds.Length; k++)
        {
            var (a, b) = (Math.Max(bounds[k], from), bounds[k + 1]);
            if (b - a < 1)
            {
                continue;
            }

            var level = s.Points.Skip(a).Take(b - a).Select(p => p.Value).Order().ElementAt((b - a) / 2);
            h.Append("<line class=\"level\" x1=\"").Append(N(x(a - from))).Append("\" x2=\"").Append(N(x(b - 1 - from))).Append("\" y1=\"").Append(N(y(level)))
                .Append("\" y2=\"").Append(N(y(level))).Append("\"/>");
        }
    }

    private static string Commit(string? commit, string? url)
    {
        var text = E(HistoryAnalysis.Abbreviate(commit));
        return commit is null || url is null || !commit.All(char.IsAsciiHexDigit)
            ? "<code>" + text + "</code>"
            : $"<a href=\"{E(url.TrimEnd('/'))}/commit/{E(commit)}\"><code>{text}</code></a>";
    }

    private static string Slug(HistoryChangeKind kind) => kind.Word().Replace(' ', '-');

    private static string Day(DateTimeOffset when) => when.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
