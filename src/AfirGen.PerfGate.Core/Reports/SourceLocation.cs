namespace AfirGen.PerfGate.Reports;

/// <summary>Where a benchmark method is declared.</summary>
/// <param name="File">The source file.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column of the method's name.</param>
public sealed record SourceLocation(string File, int Line, int Column);
