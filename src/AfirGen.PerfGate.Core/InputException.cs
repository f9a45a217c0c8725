using System.Globalization;

namespace AfirGen.PerfGate;

/// <summary>Bad input: names the file, the JSON path or field, and what is wrong. The CLI turns it into one line and exit code 2.</summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InputException(string file, string? field, string problem)
        : this(file, field, problem, null)
    {
    }

    /// <summary>Creates the exception with the error that revealed it.</summary>
    public InputException(string file, string? field, string problem, Exception? inner)
        : base(Format(file, Bound(field, MaxFieldLength), Bound(problem, MaxProblemLength)), inner)
    {
        File = file;
        Field = Bound(field, MaxFieldLength);
        Problem = Bound(problem, MaxProblemLength);
    }

    /// <summary>The longest field kept; a longer one (a path through a megabyte-long key) keeps its start and end.</summary>
    public const int MaxFieldLength = 200;

    /// <summary>The longest problem kept; a longer one (quoting a megabyte-long value) keeps its start and end.</summary>
    public const int MaxProblemLength = 400;

    /// <summary>The file (or command-line option) the bad input came from.</summary>
    public string File { get; }

    /// <summary>The JSON path or field within it, when known.</summary>
    public string? Field { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    // Hostile input must not turn the one error line into a megabyte: the middle goes, the start and the end stay.
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private static string? Bound(string? text, int max) =>
        text is null || text.Length <= max ? text : string.Concat(text.AsSpan(0, max / 2), "\u2026", text.AsSpan(text.Length - (max / 2) + 1));

    private static string Format(string file, string? field, string problem)
    {
        var text = field is null ? $"{file}: {problem}" : $"{file}: {field}: {problem}";
        // One line, always: a message with a newline would break the CLI's contract.
        text = text.ReplaceLineEndings(" ");
        // Other control characters quoted from a hostile file (escape sequences, vertical tabs) are shown, not obeyed.
        return text.AsSpan().ContainsAnyInRange('\u0000', '\u001f') || text.AsSpan().ContainsAnyInRange('\u007f', '\u009f')
            ? string.Concat(text.Select(c => char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : c.ToString()))
            : text;
    }
}
