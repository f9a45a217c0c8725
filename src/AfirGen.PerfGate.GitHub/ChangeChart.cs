using System.Globalization;
using System.Text;
using AfirGen.PerfGate.Comparison;

namespace AfirGen.PerfGate.GitHub;

/// <summary>Mermaid <c>xychart-beta</c> bar charts of the change in time of each changed benchmark, slower and faster apart; GitHub renders them in comments and summaries.</summary>
/// <remarks>
/// Mermaid draws every bar from the start of the value axis, not from zero, so one chart holding both signs would draw an
/// improvement as a bar from the axis minimum up to its value: longer the smaller the improvement. Each sign gets its own chart
/// whose axis starts at 0 instead: 0 to the largest slowdown, and 0 to the largest speed-up written as the reversed range
/// "0 --> -30" (Mermaid's linear axis keeps the order it is given), so every bar runs from 0 to its true, signed value.
/// Both charts are horizontal, one benchmark a row, so 20 and more names stay readable.
/// </remarks>
public static class ChangeChart
{
    /// <summary>Most bars drawn over both charts; the largest changes are kept.</summary>
    public const int MaxBars = 30;

    private const int MaxLabel = 32;

    // Two ids that shorten to one label would share one row of the axis; they get up to this much of their name first.
    private const int MaxLongLabel = 56;

    /// <summary>The charts as fenced <c>mermaid</c> blocks, or null when fewer than two benchmarks changed (a table says one change better).</summary>
    public static string? Render(SuiteComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var bars = comparison.Benchmarks
            .Where(b => b.Verdict is Verdict.Regressed or Verdict.Improved or Verdict.Inconclusive)
            .Select(b => (b.Id, Ratio: b.Time?.Ratio))
            .Where(b => b.Ratio is { } r && double.IsFinite(r) && r > 0)
            .Select(b => (b.Id, Percent: (b.Ratio!.Value - 1) * 100))
            .OrderByDescending(b => Math.Abs(b.Percent))
            .ThenBy(b => b.Id, StringComparer.Ordinal)
            .Take(MaxBars)
            .ToList();
        if (bars.Count < 2)
        {
            return null;
        }

        var labels = Labels([.. bars.Select(b => b.Id)]);
        var rows = bars.Select((b, i) => (Label: labels[i], b.Percent)).ToList();
        var sb = new StringBuilder();
        // The colours are the HTML report's "regressed" and "improved".
        Chart(sb, "Slower: change in time (%)", "#cf222e", [.. rows.Where(r => r.Percent >= 0)]);
        Chart(sb, "Faster: change in time (%)", "#1a7f37", [.. rows.Where(r => r.Percent < 0)]);
        return sb.ToString();
    }

    /// <summary>An untrusted id as an inert label: a safe character set (no quote, backtick, bracket or hash), the namespace dropped and the tail kept since it names the method.</summary>
    internal static string Label(string id) => Tail(Short(Inert(id)), MaxLabel);

    /// <summary>A distinct label for each id: ids that shorten alike get more of their name, then a number.</summary>
    internal static IReadOnlyList<string> Labels(IReadOnlyList<string> ids)
    {
        var labels = ids.Select(Label).ToList();
        var clashing = labels.GroupBy(l => l, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            if (clashing.Contains(labels[i]))
            {
                labels[i] = Tail(Inert(ids[i]), MaxLongLabel);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            for (var n = 2; !seen.Add(label); n++)
            {
                label = string.Create(CultureInfo.InvariantCulture, $"{labels[i]} ({n})");
            }

            labels[i] = label;
        }

        return labels;
    }

    private static void Chart(StringBuilder sb, string title, string colour, List<(string Label, double Percent)> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        // The largest change on top; the axis runs from 0 to a multiple of 5 past it, reversed for speed-ups (see the remarks).
        var far = rows.Max(r => Math.Abs(r.Percent));
        var end = Math.Max(5, Math.Ceiling(far / 5) * 5) * (rows[0].Percent < 0 ? -1 : 1);
        sb.Append(sb.Length == 0 ? "" : "\n").Append("```mermaid\n");
        // A row per bar tall enough for its label; Mermaid's default height would squeeze 20 rows together.
        var height = Math.Max(200, 80 + (rows.Count * 26));
        sb.Append(CultureInfo.InvariantCulture, $"%%{{init: {{\"xyChart\": {{\"width\": 720, \"height\": {height}}}, \"themeVariables\": {{\"xyChart\": {{\"plotColorPalette\": \"{colour}\"}}}}}}}}%%\n");
        sb.Append("xychart-beta horizontal\n");
        sb.Append("    title \"").Append(title).Append("\"\n");
        sb.Append("    x-axis [").Append(string.Join(", ", rows.Select(r => "\"" + r.Label + "\""))).Append("]\n");
        sb.Append(CultureInfo.InvariantCulture, $"    y-axis \"change (%)\" 0 --> {end:0}\n");
        sb.Append("    bar [").Append(string.Join(", ", rows.Select(r => r.Percent.ToString("0.0", CultureInfo.InvariantCulture)))).Append("]\n");
        sb.Append("```\n");
    }

    private static string Inert(string id)
    {
        var sb = new StringBuilder(id.Length);
        foreach (var ch in id)
        {
            sb.Append(char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '-' or '/' or ' ' or '=' or '+' or '(' or ')' or ':' or ',' or '@' ? ch : '_');
        }

        return sb.ToString();
    }

    /// <summary>"Company.Product.Benchmarks.TextBench.Parse(Size: 10)" as "TextBench.Parse(Size: 10)": the class and method.</summary>
    private static string Short(string id)
    {
        var paren = id.IndexOf('(', StringComparison.Ordinal);
        var name = paren < 0 ? id : id[..paren];
        var cut = name.LastIndexOf('.');
        cut = cut > 0 ? name.LastIndexOf('.', cut - 1) : -1;
        return cut < 0 ? id : id[(cut + 1)..];
    }

    private static string Tail(string label, int max) => label.Length <= max ? label : "…" + label[^(max - 1)..];
}
