using System.Text;
using AfirGen.PerfGate.Comparison;

namespace AfirGen.PerfGate.Reports;

/// <summary>A GitHub pull-request comment (format "markdown", report.md): verdict, changed rows, the full table folded, warnings.</summary>
public sealed class MarkdownReport : IReportRenderer
{
    /// <summary>GitHub refuses comments over 65,536 characters; this leaves room for what the Action adds.</summary>
    public const int DefaultMaxLength = 60_000;

    // Four narrow columns fit a pull request's width; full names and notes are folded below the table.
    private const string TableHeader = "| Verdict | Benchmark | Change [CI] | Base → current |\n|---|---|---|---|\n";

    // A name longer than this is shortened from the front in tables (the method and its arguments are at the end).
    private const int NameWidth = 60;
    private const int MaxWarnings = 20;

    // Room kept for the omission note, so adding it never breaks the cap.
    private const int NoteReserve = 300;

    private readonly Uri? fullReport;
    private readonly int maxLength;

    /// <summary>Creates the renderer; <paramref name="fullReport"/> links the full report, <paramref name="maxLength"/> caps the body.</summary>
    public MarkdownReport(Uri? fullReport = null, int maxLength = DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2_000);
        this.fullReport = fullReport;
        this.maxLength = maxLength;
    }

    /// <inheritdoc />
    public ReportFormat Format => ReportFormat.Markdown;

    /// <inheritdoc />
    public string Render(SuiteComparison comparison)
    {
        var context = new ReportContext(comparison);
        var head = Head(context);
        var tail = Tail(comparison);
        var changed = context.Changed.ToList();
        var all = comparison.Benchmarks;

        var budget = maxLength - head.Length - tail.Length - NoteReserve
            - "<details><summary>All 000000000 benchmarks</summary>\n\n".Length - TableHeader.Length - "\n</details>\n".Length;
        var changedRows = Take(changed, ref budget);
        var fullRows = Take(all, ref budget);
        var omitted = changed.Count - changedRows.Count + all.Count - fullRows.Count;

        var sb = new StringBuilder(head);
        if (changed.Count == 0)
        {
            sb.Append("No changes beyond the threshold.\n\n");
        }
        else
        {
            sb.Append(TableHeader);
            changedRows.ForEach(r => sb.Append(r));
            sb.Append('\n');
            sb.Append(Notes(changed.Take(changedRows.Count), budget));
        }

        sb.Append("<details><summary>All ").Append(DisplayFormat.Count(all.Count)).Append(" benchmarks</summary>\n\n");
        sb.Append(TableHeader);
        fullRows.ForEach(r => sb.Append(r));
        sb.Append("\n</details>\n\n");
        if (omitted > 0)
        {
            sb.Append("> ").Append(DisplayFormat.Count(omitted)).Append(" rows omitted; see the full report (report.html / comparison.json)")
                .Append(fullReport is null ? "" : ": " + Link(fullReport)).Append(".\n\n");
        }

        sb.Append(tail);
        return sb.ToString();
    }

    private static List<string> Take(IEnumerable<BenchmarkComparison> rows, ref int budget)
    {
        var taken = new List<string>();
        foreach (var b in rows)
        {
            var row = Row(b);
            if (row.Length > budget)
            {
                // Stop rather than skip: the table keeps its order and the note counts the rest.
                budget = 0;
                break;
            }

            budget -= row.Length;
            taken.Add(row);
        }

        return taken;
    }

    private static string Head(ReportContext context)
    {
        var c = context.Comparison;
        var sb = new StringBuilder();
        sb.Append(c.Gate switch
        {
            GateOutcome.Failed => "## ❌ PerfGate: failed\n\n",
            GateOutcome.PassedWithWarnings => "## ⚠️ PerfGate: passed with warnings\n\n",
            _ => "## ✅ PerfGate: passed\n\n",
        });
        sb.Append("**").Append(DisplayFormat.Count(context.Total)).Append(" benchmarks**");
        foreach (var part in GateText.Groups(c))
        {
            sb.Append(" · ").Append(part);
        }

        if (c.Cancelled)
        {
            sb.Append(" · cancelled: partial results");
        }

        sb.Append("\n\n");
        if (c.Baseline is null)
        {
            sb.Append("No baseline given: only SLA thresholds were checked.\n\n");
        }
        else if (c.GeometricMean is { } g)
        {
            sb.Append("**Suite geometric mean:** ").Append(DisplayFormat.ChangeWithCi(g.Ratio, g.CiLower, g.CiUpper))
                .Append(" over ").Append(DisplayFormat.Count(g.Count)).Append(" benchmarks\n\n");
        }

        return sb.ToString();
    }

    private string Tail(SuiteComparison comparison)
    {
        var sb = new StringBuilder();
        if (comparison.Warnings.Count > 0)
        {
            sb.Append("### Warnings\n\n");
            foreach (var warning in comparison.Warnings.Take(MaxWarnings))
            {
                sb.Append("- ⚠️ ").Append(MarkdownText.Escape(warning.Text, 500)).Append('\n');
            }

            if (comparison.Warnings.Count > MaxWarnings)
            {
                sb.Append("- … and ").Append(DisplayFormat.Count(comparison.Warnings.Count - MaxWarnings)).Append(" more\n");
            }

            sb.Append('\n');
        }

        if (fullReport is not null)
        {
            sb.Append("📄 ").Append(Link(fullReport)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Link(Uri uri)
    {
        // Percent-encode what could end the link target early.
        var target = uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
            .Replace(" ", "%20", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal);
        return "[Full report](" + target + ")";
    }

    private static string Row(BenchmarkComparison b)
    {
        var change = ReportContext.HeadlineChange(b) ?? "";
        var values = ReportContext.HeadlineValues(b) ?? ReportContext.CurrentValue(b) ?? "";
        return $"| {Icon(b.Verdict)} {b.Verdict.ToName()} | {MarkdownText.Escape(Short(b.Id))} | {change} | {MarkdownText.Escape(values)} |\n";
    }

    /// <summary>The changed rows' full names and notes, folded: what the narrow table leaves out.</summary>
    private static string Notes(IEnumerable<BenchmarkComparison> rows, int budget)
    {
        var items = new StringBuilder();
        foreach (var b in rows)
        {
            var note = ReportContext.Note(b, t => MarkdownText.Escape(t));
            if (note.Length == 0 && b.Id.Length <= NameWidth)
            {
                continue;
            }

            var item = "- " + MarkdownText.Escape(b.Id) + (note.Length > 0 ? ": " + note : "") + "\n";
            if (items.Length + item.Length > budget / 2)
            {
                break;
            }

            items.Append(item);
        }

        return items.Length == 0 ? "" : "<details><summary>Notes</summary>\n\n" + items + "\n</details>\n\n";
    }

    private static string Short(string id)
    {
        if (id.Length <= NameWidth)
        {
            return id;
        }

        var start = id.Length - (NameWidth - 1);
        // Never start inside a surrogate pair.
        return "…" + id[(char.IsLowSurrogate(id[start]) ? start + 1 : start)..];
    }

    private static string Icon(Verdict verdict) => verdict switch
    {
        Verdict.Regressed => "🔺",
        Verdict.SlaViolated => "⛔",
        Verdict.Failed => "💥",
        Verdict.Improved => "🟢",
        Verdict.Inconclusive => "❔",
        Verdict.New => "🆕",
        Verdict.Missing => "➖",
        _ => "⚪",
    };
}
