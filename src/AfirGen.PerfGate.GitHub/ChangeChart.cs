using System.Globalization;
using System.Text;
using AfirGen.PerfGate.Comparison;

namespace AfirGen.PerfGate.GitHub;

/// <summary>A Mermaid <c>xychart-beta</c> bar chart of the change in time of each changed benchmark; GitHub renders it in comments and summaries.</summary>
public static class ChangeChart
{
    /// <summary>Most bars drawn; the largest changes are kept.</summary>
    public const int MaxBars = 20;

    private const int MaxLabel = 24;

    /// <summary>The chart as a fenced <c>mermaid</c> block, or null when fewer than two benchmarks changed (a table says one change better).</summary>
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
            .OrderByDescending(b => b.Percent)
            .ToList();
        if (bars.Count < 2)
        {
            return null;
        }

        var low = Math.Floor(Math.Min(0, bars.Min(b => b.Percent)) / 5) * 5;
        var high = Math.Ceiling(Math.Max(0, bars.Max(b => b.Percent)) / 5) * 5;
        var sb = new StringBuilder();
        sb.Append("```mermaid\nxychart-beta\n");
        sb.Append("    title \"Change in time per benchmark (%)\"\n");
        sb.Append("    x-axis [").Append(string.Join(", ", bars.Select(b => "\"" + Label(b.Id) + "\""))).Append("]\n");
        sb.Append(CultureInfo.InvariantCulture, $"    y-axis \"change (%)\" {low:0} --> {(high > low ? high : low + 5):0}\n");
        sb.Append("    bar [").Append(string.Join(", ", bars.Select(b => b.Percent.ToString("0.0", CultureInfo.InvariantCulture)))).Append("]\n");
        sb.Append("```\n");
        return sb.ToString();
    }

    /// <summary>An untrusted id as an inert label: a safe character set (no quote, backtick or bracket), the tail kept since it names the method.</summary>
    internal static string Label(string id)
    {
        var sb = new StringBuilder(id.Length);
        foreach (var ch in id)
        {
            sb.Append(char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '-' or '/' or ' ' or '=' or '+' ? ch : '_');
        }

        var label = sb.ToString();
        return label.Length <= MaxLabel ? label : "…" + label[^(MaxLabel - 1)..];
    }
}
