using System.Globalization;
using System.Text;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Reports;

/// <summary>Inline SVG line charts of each load scenario across its levels: latency percentiles and throughput, the baseline dashed.</summary>
/// <remarks>
/// The results keep one merged histogram and summary per level, not a time series, so latency over time cannot be drawn.
/// </remarks>
internal static class LoadCharts
{
    private const int Width = 480;
    private const int Height = 200;
    private const int Left = 66;
    private const int Right = Width - 14;
    private const int Top = 30;
    private const int Bottom = Height - 34;

    /// <summary>The load section of the HTML report, or "" when no scenario was run at two or more levels.</summary>
    public static string Section(IReadOnlyList<BenchmarkResult> current, IReadOnlyList<BenchmarkResult>? baseline)
    {
        ArgumentNullException.ThrowIfNull(current);
        var now = Levels(current);
        var before = Levels(baseline ?? []);
        var scenarios = now.Keys.Union(before.Keys)
            .Where(k => Union(now.GetValueOrDefault(k), before.GetValueOrDefault(k)).Count >= 2)
            .OrderBy(k => k.Name, StringComparer.Ordinal).ThenBy(k => k.Open).ToList();
        if (scenarios.Count == 0)
        {
            return "";
        }

        var sb = new StringBuilder();
        sb.Append("<section id=\"load\">\n<h2>Load scenarios</h2>\n<p class=\"muted\">Latency percentiles and throughput at each load level, levels evenly spaced in numeric order");
        sb.Append(baseline is null ? ".</p>\n" : "; solid lines are this run, dashed the baseline.</p>\n");
        sb.Append("<div class=\"figures\">\n");
        foreach (var key in scenarios)
        {
            var (cur, bas) = (now.GetValueOrDefault(key) ?? [], before.GetValueOrDefault(key) ?? []);
            var levels = Union(cur, bas);
            var name = SvgCharts.Encode(PlainText.Clean(key.Name, 1000));
            var axis = key.Open ? "arrival rate (/s)" : "concurrency";
            sb.Append(CultureInfo.InvariantCulture, $"<figure class=\"load-scenario\"><figcaption>{name}</figcaption>\n");
            var latency = new List<Series>();
            foreach (var (metric, pick) in new (string, Func<LatencySummary, double>)[] { ("p50", l => l.P50), ("p95", l => l.P95), ("p99", l => l.P99) })
            {
                latency.Add(new Series(metric, false, Values(cur, levels, r => r.Latency is { } l ? pick(l) : null)));
                if (baseline is not null)
                {
                    latency.Add(new Series(metric, true, Values(bas, levels, r => r.Latency is { } l ? pick(l) : null)));
                }
            }

            sb.Append(LineChart($"Latency of {name} by {axis}", axis, levels, latency, DisplayFormat.Time));
            var throughput = new List<Series> { new("throughput", false, Values(cur, levels, r => r.Scenario?.Throughput)) };
            if (baseline is not null)
            {
                throughput.Add(new Series("throughput", true, Values(bas, levels, r => r.Scenario?.Throughput)));
            }

            sb.Append(LineChart($"Throughput of {name} by {axis}", axis, levels, throughput, DisplayFormat.Rate));
            sb.Append("</figure>\n");
        }

        sb.Append("</div>\n</section>\n");
        return sb.ToString();
    }

    /// <summary>Every load result by scenario (the id before its "@c10" or "@r500") and level, failed ones left out.</summary>
    internal static Dictionary<ScenarioKey, Dictionary<double, BenchmarkResult>> Levels(IReadOnlyList<BenchmarkResult> results)
    {
        var byScenario = new Dictionary<ScenarioKey, Dictionary<double, BenchmarkResult>>();
        foreach (var r in results)
        {
            if (r.Category == Category.Micro || r.Status != BenchmarkStatus.Succeeded || r.Scenario is not { } s)
            {
                continue;
            }

            var at = r.Id.LastIndexOf('@');
            var suffix = at > 0 ? r.Id[(at + 1)..] : "";
            var (open, level) = s.Rate is { } rate ? (true, rate)
                : s.Concurrency is { } c ? (false, c)
                : suffix.Length > 1 && double.TryParse(suffix[1..], NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && suffix[0] is 'c' or 'r'
                    ? (suffix[0] == 'r', parsed)
                    : (false, double.NaN);
            if (!double.IsFinite(level))
            {
                continue;
            }

            var key = new ScenarioKey(at > 0 ? r.Id[..at] : r.Id, open);
            if (!byScenario.TryGetValue(key, out var levels))
            {
                byScenario[key] = levels = [];
            }

            levels.TryAdd(level, r);
        }

        return byScenario;
    }

    private static List<double> Union(Dictionary<double, BenchmarkResult>? a, Dictionary<double, BenchmarkResult>? b) =>
        [.. (a?.Keys ?? Enumerable.Empty<double>()).Union(b?.Keys ?? Enumerable.Empty<double>()).Order()];

    private static List<double?> Values(Dictionary<double, BenchmarkResult> side, List<double> levels, Func<BenchmarkResult, double?> value) =>
        [.. levels.Select(l => side.TryGetValue(l, out var r) && value(r) is { } v && double.IsFinite(v) ? v : (double?)null)];

    private static string LineChart(string label, string axis, List<double> levels, List<Series> series, Func<double, string> format)
    {
        var max = series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).Max();
        var step = SvgCharts.NiceStep(max / 4);
        var top = Math.Max(step, Math.Ceiling(max / step) * step);
        // Levels are spaced evenly, like a log axis for the usual doubling levels, so the low levels do not crowd together.
        double X(int i) => levels.Count == 1 ? (Left + Right) / 2.0 : Left + 12 + (i * (Right - Left - 24) / (double)(levels.Count - 1));
        double Y(double v) => Bottom - (v / top * (Bottom - Top));

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"load\" role=\"img\" aria-label=\"{label}\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\">\n");
        for (var t = 0.0; t <= top + (step / 1e6); t += step)
        {
            var y = SvgCharts.N(Y(t));
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" y1=\"{y}\" x2=\"{Right}\" y2=\"{y}\"/><text class=\"tick\" x=\"{Left - 4}\" y=\"{y}\" dy=\"4\" text-anchor=\"end\">{(t == 0 ? "0" : format(t))}</text>\n");
        }

        for (var i = 0; i < levels.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{SvgCharts.N(X(i))}\" y=\"{Bottom + 16}\" text-anchor=\"middle\">{DisplayFormat.Number(levels[i])}</text>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{(Left + Right) / 2}\" y=\"{Height - 4}\" text-anchor=\"middle\">{axis}</text>\n");
        Legend(sb, series);
        // Baselines first, so this run's lines are drawn over them.
        foreach (var s in series.OrderByDescending(s => s.Baseline))
        {
            var css = s.Name + (s.Baseline ? " baseline" : " current");
            var points = Enumerable.Range(0, levels.Count).Where(i => s.Values[i] is not null)
                .Select(i => (X: X(i), Y: Y(s.Values[i]!.Value), Level: levels[i], Value: s.Values[i]!.Value)).ToList();
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"{css}\"><polyline points=\"{string.Join(" ", points.Select(p => SvgCharts.N(p.X) + "," + SvgCharts.N(p.Y)))}\"/>");
            foreach (var p in points)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{SvgCharts.N(p.X)}\" cy=\"{SvgCharts.N(p.Y)}\" r=\"2.5\"><title>{(s.Baseline ? "baseline " : "")}{s.Name} at {axis} {DisplayFormat.Number(p.Level)}: {format(p.Value)}</title></circle>");
            }

            sb.Append("</g>\n");
        }

        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static void Legend(StringBuilder sb, List<Series> series)
    {
        var x = Left;
        foreach (var name in series.Select(s => s.Name).Distinct())
        {
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"{name} current\"><line x1=\"{x}\" y1=\"12\" x2=\"{x + 16}\" y2=\"12\"/></g><text x=\"{x + 20}\" y=\"16\">{name}</text>");
            x += 40 + (name.Length * 6);
        }

        if (series.Any(s => s.Baseline))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"legend baseline\"><line x1=\"{x}\" y1=\"12\" x2=\"{x + 16}\" y2=\"12\"/></g><text class=\"tick\" x=\"{x + 20}\" y=\"16\">baseline</text>");
        }

        sb.Append('\n');
    }

    /// <summary>One load scenario: its name and whether its levels are arrival rates (open model) or worker counts.</summary>
    internal sealed record ScenarioKey(string Name, bool Open);

    /// <summary>One line: a metric of one side, a value (or a gap) per level.</summary>
    private sealed record Series(string Name, bool Baseline, List<double?> Values);
}
