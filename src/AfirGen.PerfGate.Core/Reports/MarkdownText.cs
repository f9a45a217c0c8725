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
        for (var i = 0; i < clean.Length; i++)
        {
            var ch = clean[i];
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
