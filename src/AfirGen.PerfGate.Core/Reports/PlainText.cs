using System.Globalization;
using System.Text;

namespace AfirGen.PerfGate.Reports;

/// <summary>Makes untrusted text (ids, errors, parameter values) safe for one line of a terminal or file.</summary>
public static class PlainText
{
    /// <summary>Longest name a report shows; longer ones end in "…".</summary>
    public const int MaxLength = 200;

    /// <summary>One line, no control or bidi characters (they could rewrite a terminal or reorder what a reader sees), at most <see cref="MaxLength"/> characters.</summary>
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
