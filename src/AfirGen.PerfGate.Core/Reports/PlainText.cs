using System.Globalization;
using System.Text;

namespace AfirGen.PerfGate.Reports;

/// <summary>Makes untrusted text (ids, errors, parameter values) safe for one line of a terminal or file.</summary>
public static class PlainText
{
    /// <summary>Longest name a report shows; longer ones end in "…".</summary>
    public const int MaxLength = 200;

    // A GitHub runner honours the legacy workflow-command form "##[command]" anywhere in a log line, not only at its start.
    private const string LegacyCommand = "##[";

    // What "##[" becomes: the same to a reader, a full-width number sign that no runner reads as a command.
    private const string InertCommand = "#＃[";

    /// <summary>
    /// One line, no control or bidi characters (they could rewrite a terminal or reorder what a reader sees), no "##["
    /// a workflow runner would act on, at most <see cref="MaxLength"/> characters.
    /// </summary>
    public static string Clean(string? text, int maxLength = MaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.Length <= maxLength && IsClean(text))
        {
            return text; // the usual name: nothing to change, nothing to allocate
        }

        var cleaned = Rebuild(text, maxLength);
        return cleaned.Contains(LegacyCommand, StringComparison.Ordinal) ? cleaned.Replace(LegacyCommand, InertCommand, StringComparison.Ordinal) : cleaned;
    }

    private static string Rebuild(string text, int maxLength)
    {
        var sb = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        var afterBreak = false;
        Span<char> utf16 = stackalloc char[2];
        foreach (var rune in text.EnumerateRunes())
        {
            if (sb.Length >= maxLength)
            {
                sb.Append('…');
                break;
            }

            if (rune.Value is '\r' or '\n' or '\t' || (afterBreak && rune.Value == ' '))
            {
                // A stack trace's line break and indentation become one space, not a run of them.
                if (!afterBreak && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                afterBreak = true;
                continue;
            }

            afterBreak = false;
            if (IsHidden(rune))
            {
                sb.Append('\uFFFD');
            }
            else
            {
                sb.Append(utf16[..rune.EncodeToUtf16(utf16)]);
            }
        }

        return sb.ToString();
    }

    private static bool IsClean(string text)
    {
        if (text.Contains(LegacyCommand, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            // A lone surrogate reads as the replacement character: the text must be rebuilt to really hold one.
            if (rune.Value is '\r' or '\n' or '\t' || rune == Rune.ReplacementChar || IsHidden(rune))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for control, format (bidi overrides, zero-width) and unassigned characters.</summary>
    private static bool IsHidden(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate;
    }
}
