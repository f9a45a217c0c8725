using System.Globalization;
using System.Text;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.GitHub;

/// <summary>The sticky comment's text: a hidden marker naming the config, the Markdown report, the change chart; always under GitHub's limit.</summary>
public static class CommentBody
{
    /// <summary>GitHub refuses a comment body longer than this.</summary>
    public const int GitHubLimit = 65_536;

    // Kept below the limit so that a count in code points or in UTF-16 units is under it either way.
    private const int Cap = GitHubLimit - 536;

    /// <summary>The hidden marker that finds this config's comment again on the next run.</summary>
    public static string Marker(string key) => "<!-- perfgate:comment:" + Key(key) + " -->";

    /// <summary>A marker key reduced to <c>[A-Za-z0-9._/-]</c>, no <c>--</c> (which would end the HTML comment), at most 100 characters.</summary>
    public static string Key(string? key)
    {
        var sb = new StringBuilder();
        foreach (var ch in key ?? "")
        {
            var c = char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '/' or '-' ? ch : '_';
            if (!(c == '-' && sb.Length > 0 && sb[^1] == '-'))
            {
                sb.Append(c);
            }

            if (sb.Length == 100)
            {
                break;
            }
        }

        return sb.Length == 0 ? "default" : sb.ToString().Trim('-');
    }

    /// <summary>
    /// The whole body for one comparison: the marker, the run stamp (hidden), the report, the change chart, and a last line
    /// naming the commit and run it reports. <paramref name="fullReport"/> is linked, and named again if anything was cut.
    /// </summary>
    public static string Render(SuiteComparison comparison, string key, Uri? fullReport, RunStamp? stamp = null, int maxLength = Cap, string? trends = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var head = Head(key, stamp);
        var footer = Footer(stamp);
        var budget = maxLength - footer.Length;
        var chart = (ChangeChart.Render(comparison) is { } c ? "\n<details><summary>Change chart</summary>\n\n" + c + "\n</details>\n" : "") + (trends ?? "");
        var reportBudget = Math.Min(MarkdownReport.DefaultMaxLength, budget - head.Length - chart.Length);
        if (reportBudget < 2_000)
        {
            chart = "";
            reportBudget = Math.Min(MarkdownReport.DefaultMaxLength, budget - head.Length);
        }

        var report = new MarkdownReport(fullReport, reportBudget).Render(comparison);
        return Fit(head + report + chart, budget, fullReport) + footer;
    }

    /// <summary>
    /// The body when the gate gave no verdict (bad input, a run that could not be done, a cancelled one): it replaces an earlier
    /// verdict, which would otherwise stand for a commit it was never measured on.
    /// </summary>
    public static string NoVerdict(string key, RunStamp? stamp, int exitCode, string? reason, Uri? fullReport)
    {
        var what = exitCode switch
        {
            2 => "bad input",
            3 => "the run could not be done",
            130 or 143 or 129 => "the run was cancelled",
            _ => "the gate failed to run",
        };
        var sha = stamp is { ShortSha.Length: > 0 } ? "`" + stamp.ShortSha + "`" : "this commit";
        var sb = new StringBuilder(Head(key, stamp));
        sb.Append("## ⚠️ PerfGate: no verdict for ").Append(sha).Append(": ").Append(what)
            .Append(string.Create(CultureInfo.InvariantCulture, $" (exit code {exitCode})")).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(reason))
        {
            sb.Append("> ").Append(MarkdownText.Escape(reason, 1_000)).Append("\n\n");
        }

        sb.Append("No result of this commit was compared; an earlier verdict on this pull request no longer applies.");
        if (fullReport is not null)
        {
            sb.Append(" The [run's log](").Append(fullReport.AbsoluteUri.Replace(")", "%29", StringComparison.Ordinal)).Append(") has the whole story.");
        }

        return sb.Append('\n').Append(Footer(stamp)).ToString();
    }

    private static string Head(string key, RunStamp? stamp) => Marker(key) + "\n" + (stamp is null ? "" : stamp.ToHiddenLine() + "\n");

    private static string Footer(RunStamp? stamp) => stamp is null ? "" : "\n<sub>Reported for " + stamp.Describe() + ".</sub>\n";

    /// <summary>Cuts <paramref name="body"/> at a line end to at most <paramref name="maxLength"/> characters, ending with a note and the link.</summary>
    public static string Fit(string body, int maxLength, Uri? fullReport)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length <= maxLength)
        {
            return body;
        }

        var note = "\n\n> ✂️ This comment was cut to fit GitHub's limit" + (fullReport is null ? "; the full report is in the job's artifacts.\n" : ": [full report](" + fullReport.AbsoluteUri.Replace(")", "%29", StringComparison.Ordinal) + ").\n");
        var end = body.LastIndexOf('\n', Math.Max(0, maxLength - note.Length - 1));
        var cut = end > 0 ? body[..end] : body[..Math.Max(0, maxLength - note.Length)];
        // A cut inside <details> or a code fence would swallow the note; closing them keeps it visible.
        var open = CountOf(cut, "<details>") - CountOf(cut, "</details>");
        var fence = CountOf(cut, "```") % 2 == 1 ? "\n```" : "";
        var closing = fence + string.Concat(Enumerable.Repeat("\n</details>", Math.Max(0, open)));
        if (cut.Length + closing.Length + note.Length > maxLength)
        {
            cut = cut[..Math.Max(0, maxLength - closing.Length - note.Length)];
        }

        return cut + closing + note;
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
