using System.Text;

namespace AfirGen.PerfGate.Reports;

/// <summary>Escapes untrusted text for GitHub-flavoured Markdown: it stays inert text inside a table cell or list item.</summary>
internal static class MarkdownText
{
    // Inserted where GitHub would otherwise start something: it renders as nothing.
    private const string ZeroWidthSpace = "&#8203;";

    /// <summary>Cleans (one line, no bidi, at most <paramref name="maxLength"/> chars) and escapes untrusted text.</summary>
    public static string Escape(string? text, int maxLength = PlainText.MaxLength)
    {
        var clean = PlainText.Clean(text, maxLength);
        var sb = new StringBuilder(clean.Length + 16);
        // A word of 7 to 40 hex digits is linked to the commit it names: it gets a zero-width space after every six.
        var hashStart = -1;
        var hashEnd = -1;
        for (var i = 0; i < clean.Length; i++)
        {
            var ch = clean[i];
            if (i >= hashEnd && char.IsAsciiHexDigit(ch) && (i == 0 || !IsWordChar(clean[i - 1])))
            {
                var end = i;
                while (end < clean.Length && char.IsAsciiHexDigit(clean[end]))
                {
                    end++;
                }

                (hashStart, hashEnd) = end - i is >= 7 and <= 40 && (end == clean.Length || !IsWordChar(clean[end])) ? (i, end) : (-1, end);
            }

            if (hashStart >= 0 && i > hashStart && i < hashEnd && (i - hashStart) % 6 == 0)
            {
                sb.Append(ZeroWidthSpace);
            }

            switch (ch)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                // An entity, not "\|": a pipe must never split a table cell, however many backslashes precede it.
                case '|': sb.Append("&#124;"); break;
                case '@': sb.Append('@').Append(ZeroWidthSpace); break;
                case ':' when Follows(clean, i, "//"):
                    // "http://x" would become a live autolink; a zero-width space before the colon breaks the scheme.
                    sb.Append(ZeroWidthSpace).Append(':');
                    break;
                // "GH-12" is an issue autolink on GitHub, as "#12" is (that one is escaped below).
                case '-' when EndsWithWord(sb, "gh") && i + 1 < clean.Length && char.IsAsciiDigit(clean[i + 1]):
                    sb.Append(ZeroWidthSpace).Append('-');
                    break;
                case '.' when EndsWithWord(sb, "www"):
                    sb.Append(ZeroWidthSpace).Append('.');
                    break;
                case '\\' or '`' or '*' or '_' or '~' or '#' or '[' or ']' or '(' or ')' or '!' or '$':
                    sb.Append('\\').Append(ch);
                    break;
                default:
                    sb.Append(ch);
                    break;
            }
        }

        return sb.ToString();
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool Follows(string text, int index, string what) =>
        string.CompareOrdinal(text, index + 1, what, 0, what.Length) == 0;

    private static bool EndsWithWord(StringBuilder sb, string word)
    {
        if (sb.Length < word.Length)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            if (char.ToLowerInvariant(sb[sb.Length - word.Length + i]) != word[i])
            {
                return false;
            }
        }

        return true;
    }
}
