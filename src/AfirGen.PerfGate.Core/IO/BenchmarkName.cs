using System.Security.Cryptography;
using System.Text;

namespace AfirGen.PerfGate.IO;

/// <summary>
/// Benchmark names and parameter values as BenchmarkDotNet writes them, made to fit a results file: long
/// <c>[Arguments]</c> strings make names of thousands of characters, and one such name must not discard a report.
/// </summary>
internal static class BenchmarkName
{
    /// <summary>Longer than this, a name is not one anyone wrote: the file is bad input.</summary>
    public const int MaxReadLength = 64 * 1024;

    private const int HashChars = 16;

    /// <summary>
    /// The text itself when it fits <see cref="JsonCursor.MaxIdLength"/>; otherwise its start, "…#" and 16 hex digits
    /// of its SHA-256, so that the shortened name is the same in every run and two long names stay apart.
    /// </summary>
    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= JsonCursor.MaxIdLength)
        {
            return text;
        }

        var keep = JsonCursor.MaxIdLength - 2 - HashChars;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--; // never half a surrogate pair
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..HashChars];
        return string.Concat(text.AsSpan(0, keep), "…#", hash);
    }

    /// <summary>The C# identifier that starts at <paramref name="index"/> of <paramref name="text"/>, or null.</summary>
    public static string? IdentifierAt(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var end = index;
        while (end < text.Length && (text[end] == '_' || char.IsLetter(text[end]) || (end > index && char.IsDigit(text[end]))))
        {
            end++;
        }

        return end > index ? text[index..end] : null;
    }
}
