using System.Globalization;
using System.Net;
using System.Text;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Reports;

/// <summary>One self-contained page (format "html", report.html): verdict banner, charts, full table; no script, no external URL.</summary>
public sealed class HtmlReport : IReportRenderer
{
    // Distribution charts are a closer look, not an inventory: past this many the page only grows.
    private const int MaxDistributions = 60;

    /// <summary>Bars in the change chart: changed rows first, so these are the ones to look at; the table lists every benchmark.</summary>
    public const int MaxChangeBars = 100;

    /// <inheritdoc />
    public ReportFormat Format => ReportFormat.Html;

    /// <inheritdoc />
    public string Render(SuiteComparison comparison)
    {
        var context = new ReportContext(comparison);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            // The page may load nothing at all: a hostile name can never fetch or run anything.
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<title>PerfGate report</title>\n<style>\n").Append(HtmlStyle.Css).Append("</style>\n</head>\n<body>\n");

        Banner(sb, context);
        var ordered = context.Changed.Concat(comparison.Benchmarks.Where(b => b.Verdict == Verdict.Unchanged)).ToList();
        // A bar per benchmark of a 10,000-benchmark suite would be a chart 200,000 pixels tall that nobody reads.
        var chartable = ordered.Where(b => ReportContext.Headline(b)?.Ratio is not null).ToList();
        var charted = chartable.Take(MaxChangeBars).ToList();
        var chart = SvgCharts.ChangeChart(charted);
        if (chart.Length > 0)
        {
            sb.Append("<section id=\"changes\">\n<h2>Change per benchmark</h2>\n<p class=\"muted\">Headline metric (time when compared); bars are the change, whiskers the confidence interval.");
            if (chartable.Count > charted.Count)
            {
                sb.Append(CultureInfo.InvariantCulture, $" The first {DisplayFormat.Count(charted.Count)} of {DisplayFormat.Count(chartable.Count)}, changed ones first; the table below has every benchmark.");
            }

            sb.Append("</p>\n").Append(chart).Append("</section>\n");
        }

        sb.Append(LoadCharts.Section(comparison.Current.Benchmarks, comparison.Baseline?.Benchmarks));
        Distributions(sb, context, ordered);
        Table(sb, ordered);
        Warnings(sb, comparison);
        Footer(sb, comparison);
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Banner(StringBuilder sb, ReportContext context)
    {
        var c = context.Comparison;
        var (cls, text) = c.Gate switch
        {
            GateOutcome.Failed => ("fail", "✗ PerfGate: failed"),
            GateOutcome.PassedWithWarnings => ("warn", "⚠ PerfGate: passed with warnings"),
            _ => ("pass", "✓ PerfGate: passed"),
        };
        sb.Append(CultureInfo.InvariantCulture, $"<header id=\"verdict\" class=\"banner {cls}\">\n<h1>{text}</h1>\n");
        var groups = string.Concat(GateText.Groups(c).Select(g => " · " + WebUtility.HtmlEncode(g)));
        sb.Append(CultureInfo.InvariantCulture, $"<p>Generated {DisplayFormat.Timestamp(c.CreatedAt)} · {DisplayFormat.Count(context.Total)} benchmarks{groups}{(c.Cancelled ? " · cancelled: partial results" : "")}</p>\n</header>\n");
        sb.Append("<section id=\"counts\">\n<ul class=\"counts\">");
        foreach (var (verdict, count) in context.Counts)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<li class=\"v-{verdict.ToName()}\"><b>{DisplayFormat.Count(count)}</b> {verdict.ToName()}</li>");
        }

        sb.Append("</ul>\n");
        if (c.Baseline is null)
        {
            sb.Append("<p>No baseline given: only SLA thresholds were checked.</p>\n");
        }
        else if (c.GeometricMean is { } g)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>Suite geometric mean: <b>{DisplayFormat.ChangeWithCi(g.Ratio, g.CiLower, g.CiUpper)}</b> over {DisplayFormat.Count(g.Count)} benchmarks</p>\n");
        }

        sb.Append("</section>\n");
    }

    private static void Distributions(StringBuilder sb, ReportContext context, IEnumerable<BenchmarkComparison> ordered)
    {
        var figures = ordered.Where(b => b.Category == Category.Micro)
            .Select(b => (b, svg: SvgCharts.Distribution(Samples(context.BaselineResult(b.Id)), Samples(context.CurrentResult(b.Id)))))
            .Where(x => x.svg.Length > 0).Take(MaxDistributions).ToList();
        if (figures.Count == 0)
        {
            return;
        }

        sb.Append("<section id=\"distributions\">\n<h2>Micro-benchmark samples</h2>\n<div class=\"figures\">\n");
        foreach (var (b, svg) in figures)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<figure class=\"v-{b.Verdict.ToName()}\"><figcaption>{Encode(b.Id)} <span class=\"pill\">{b.Verdict.ToName()}</span></figcaption>\n")
                .Append(svg).Append("</figure>\n");
        }

        sb.Append("</div>\n</section>\n");
    }

    private static List<double> Samples(BenchmarkResult? result) => result?.AllSamples.ToList() ?? [];

    private static void Table(StringBuilder sb, IEnumerable<BenchmarkComparison> ordered)
    {
        sb.Append("<section id=\"results\">\n<h2>All benchmarks</h2>\n<table>\n<thead><tr><th>Verdict</th><th>Benchmark</th><th>Category</th>")
            .Append("<th>Change [CI]</th><th>Base → current</th><th>p</th><th>Note</th></tr></thead>\n<tbody>\n");
        foreach (var b in ordered)
        {
            var headline = ReportContext.Headline(b);
            var p = headline?.PValue is { } pv ? DisplayFormat.PValue(pv) : "";
            var note = ReportContext.Note(b, Encode);
            sb.Append(CultureInfo.InvariantCulture, $"<tr class=\"v-{b.Verdict.ToName()}\"><td><span class=\"pill\">{b.Verdict.ToName()}</span></td><td class=\"id\">{Encode(b.Id)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{b.Category.ToString().ToLowerInvariant()}</td><td class=\"num\">{ReportContext.HeadlineChange(b)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{WebUtility.HtmlEncode(ReportContext.HeadlineValues(b) ?? ReportContext.CurrentValue(b) ?? "")}</td><td class=\"num\">{p}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{note}</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Warnings(StringBuilder sb, SuiteComparison comparison)
    {
        if (comparison.Warnings.Count == 0)
        {
            return;
        }

        sb.Append("<section id=\"warnings\">\n<h2>Warnings</h2>\n<ul>\n");
        foreach (var w in comparison.Warnings)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<li class=\"w-{w.Kind.ToCode()}\">").Append(Encode(w.Text)).Append("</li>\n");
        }

        sb.Append("</ul>\n</section>\n");
    }

    private static void Footer(StringBuilder sb, SuiteComparison comparison)
    {
        var s = comparison.Settings;
        sb.Append(CultureInfo.InvariantCulture, $"<footer class=\"muted\">Regression threshold {DisplayFormat.Percent(s.Threshold)} · suite alpha {DisplayFormat.Percent(s.Alpha)} · ")
            .Append(CultureInfo.InvariantCulture, $"assumed launch noise {DisplayFormat.Percent(s.LaunchNoise)} · allocation threshold {DisplayFormat.Percent(s.AllocationThreshold)} · ")
            .Append(CultureInfo.InvariantCulture, $"current run {DisplayFormat.Timestamp(comparison.Current.CreatedAt)}")
            .Append(comparison.Baseline is { } b ? $" · baseline run {DisplayFormat.Timestamp(b.CreatedAt)}" : "")
            .Append(" · ").Append(JsonReport.SchemaId).Append("</footer>\n");
    }

    private static string Encode(string? text) => WebUtility.HtmlEncode(PlainText.Clean(text, 1000));
}
