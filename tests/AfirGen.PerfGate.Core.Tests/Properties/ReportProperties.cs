using System.Text.Json;
using System.Xml;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Reports;
using AfirGen.PerfGate.Tests.Reports;
using CsCheck;

namespace AfirGen.PerfGate.Tests.Properties;

/// <summary>Every report takes any name: no exception, the table keeps its shape, the HTML stays well-formed, the JSON keeps the name.</summary>
public sealed class ReportProperties
{
    private const long Cases = 1_000;

    /// <summary>Up to eight ids of any UTF-16 content, now and then one of 10,000 characters.</summary>
    private static readonly Gen<SuiteComparison> Comparisons =
        Gen.Select(Gens.Ids(1, 8, wellFormed: false), Gen.Int[0, 9]).Select((ids, k) =>
            SampleComparison.WithIds(k == 0 ? [.. ids, new string('\u0301', 10_000)] : ids) with { Warnings = [.. ids.Select(i => new GateWarning(WarningKind.Skipped, i, i))] });

    [Fact]
    public void CleaningReturnsWhatTheCharacterByCharacterRuleGives()
    {
        // Clean hands a name back untouched when nothing in it needs changing; that shortcut must agree with the rule.
        Gen.Select(Gens.AnyText, Gen.Int[1, 40]).Sample((text, max) =>
        {
            Assert.Equal(ReferenceClean(text, max), PlainText.Clean(text, max));
            Assert.Equal(ReferenceClean(text, PlainText.MaxLength), PlainText.Clean(text));
        }, iter: Cases * 5);
    }

    private static string ReferenceClean(string text, int maxLength)
    {
        var sb = new System.Text.StringBuilder();
        var afterBreak = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (sb.Length >= maxLength)
            {
                return sb.Append('…').ToString();
            }

            if (rune.Value is '\r' or '\n' or '\t' || (afterBreak && rune.Value == ' '))
            {
                sb.Append(!afterBreak && sb.Length > 0 ? " " : "");
                afterBreak = true;
                continue;
            }

            afterBreak = false;
            var category = System.Text.Rune.GetUnicodeCategory(rune);
            var hidden = category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.OtherNotAssigned or System.Globalization.UnicodeCategory.LineSeparator
                or System.Globalization.UnicodeCategory.ParagraphSeparator or System.Globalization.UnicodeCategory.Surrogate;
            sb.Append(hidden ? "\uFFFD" : rune.ToString());
        }

        return sb.ToString();
    }

    [Fact]
    public void EveryRendererAcceptsAnyName()
    {
        Comparisons.Sample(comparison =>
        {
            foreach (var format in Enum.GetValues<ReportFormat>())
            {
                var text = ReportRenderer.Render(comparison, format);
                Assert.EndsWith("\n", text, StringComparison.Ordinal);
                Assert.DoesNotContain('\r', text);
            }
        }, iter: Cases);
    }

    [Fact]
    public void MarkdownTablesKeepTheirColumnsForAnyName()
    {
        Comparisons.Sample(comparison =>
        {
            var markdown = new MarkdownReport().Render(comparison);
            var rows = markdown.Split('\n').Where(l => l.StartsWith('|')).ToList();

            Assert.Equal(comparison.Benchmarks.Count + new ReportContextCount(comparison).Changed + 4, rows.Count);
            Assert.All(rows, row => Assert.Equal(5, row.Count(c => c == '|')));
        }, iter: Cases);
    }

    [Fact]
    public void PlainTextReportsKeepOneLinePerBenchmarkForAnyName()
    {
        Comparisons.Sample(comparison =>
        {
            var lines = new DetailedReport().Render(comparison).Split('\n');

            // One heading line per benchmark, each a mark, the cleaned name and the verdict in brackets.
            Assert.Equal(comparison.Benchmarks.Count, lines.Count(l => (l.StartsWith("✓ ", StringComparison.Ordinal) || l.StartsWith("✗ ", StringComparison.Ordinal) || l.StartsWith("? ", StringComparison.Ordinal)) && l.EndsWith(']')));
            Assert.All(lines, l => Assert.True(l.Length <= 2_000, $"a line of {l.Length} characters"));
        }, iter: Cases);
    }

    [Fact]
    public void HtmlStaysWellFormedForAnyName()
    {
        Comparisons.Sample(comparison =>
        {
            var html = new HtmlReport().Render(comparison);
            var start = html.IndexOf("<body>", StringComparison.Ordinal);
            var end = html.IndexOf("</body>", StringComparison.Ordinal);
            var body = html[start..(end + "</body>".Length)];

            // The body is written as XHTML: an XML parser reads it whole, so no name opened or closed an element.
            var document = new XmlDocument();
            document.LoadXml(body);
            var rows = document.SelectNodes("//table/tbody/tr")!;
            Assert.Equal(comparison.Benchmarks.Count, rows.Count);
            foreach (XmlNode row in rows)
            {
                Assert.Equal(7, row.SelectNodes("td")!.Count);
            }

            Assert.Empty(document.SelectNodes("//script|//img|//a|//iframe|//link")!.Cast<XmlNode>());
        }, iter: Cases);
    }

    [Fact]
    public void JsonReportKeepsEveryNameWhole()
    {
        Comparisons.Sample(comparison =>
        {
            using var document = JsonDocument.Parse(new JsonReport().Render(comparison));
            var ids = document.RootElement.GetProperty("benchmarks").EnumerateArray().Select(b => b.GetProperty("id").GetString()).ToList();

            Assert.Equal(comparison.Benchmarks.Select(b => Gens.WellFormed(b.Id)), ids);
        }, iter: Cases);
    }

    /// <summary>How many rows the changed table of the Markdown report holds.</summary>
    private sealed class ReportContextCount(SuiteComparison comparison)
    {
        public int Changed { get; } = comparison.Benchmarks.Count(b => b.Verdict != Verdict.Unchanged) is var n && n > 0 ? n : -2;
    }
}
