namespace AfirGen.PerfGate.MSBuild;

/// <summary>One diagnostic as MSBuild will print it: <c>File(Line,Column): error Code: Message</c>.</summary>
/// <param name="Code">A <see cref="DiagnosticCodes"/> value.</param>
/// <param name="IsError">Error, or warning.</param>
/// <param name="File">The file it concerns: a benchmark's source, or the results, baseline or config file.</param>
/// <param name="Line">1-based line in <paramref name="File"/>, or 0 when not known.</param>
/// <param name="Column">1-based column, or 0 when not known.</param>
/// <param name="Message">One line.</param>
internal sealed record GateDiagnostic(string Code, bool IsError, string File, int Line, int Column, string Message);
