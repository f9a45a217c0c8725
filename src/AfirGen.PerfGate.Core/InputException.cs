namespace AfirGen.PerfGate;

/// <summary>Bad input: names the file, the JSON path or field, and what is wrong. The CLI turns it into one line and exit code 2.</summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InputException(string file, string? field, string problem)
        : base(Format(file, field, problem))
    {
        File = file;
        Field = field;
        Problem = problem;
    }

    /// <summary>Creates the exception with the error that revealed it.</summary>
    public InputException(string file, string? field, string problem, Exception inner)
        : base(Format(file, field, problem), inner)
    {
        File = file;
        Field = field;
        Problem = problem;
    }

    /// <summary>The file (or command-line option) the bad input came from.</summary>
    public string File { get; }

    /// <summary>The JSON path or field within it, when known.</summary>
    public string? Field { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    private static string Format(string file, string? field, string problem)
    {
        var text = field is null ? $"{file}: {problem}" : $"{file}: {field}: {problem}";
        // One line, always: a message with a newline would break the CLI's contract.
        return text.ReplaceLineEndings(" ");
    }
}
