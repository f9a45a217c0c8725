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

    /// <summary>The whole body for one comparison; <paramref name="fullReport"/> is linked, and named again if anything was cut.</summary>
    public static string Render(SuiteComparison comparison, string key, Uri? fullReport, int maxLength = Cap)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var marker = Marker(key) + "\n";
        var chart = ChangeChart.Render(comparison) is { } c ? "\n<details><summary>Change chart</summary>\n\n" + c + "\n</details>\n" : "";
        var reportBudget = Math.Min(MarkdownReport.DefaultMaxLength, maxLength - marker.Length - chart.Length);
        if (reportBudget < 2_000)
        {
            chart = "";
            reportBudget = Math.Min(MarkdownReport.DefaultMaxLength, maxLength - marker.Length);
        }

        var report = new MarkdownReport(fullReport, reportBudget).Render(comparison);
        return Fit(marker + report + chart, maxLength, fullReport);
    }

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
