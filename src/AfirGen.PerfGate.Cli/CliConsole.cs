namespace AfirGen.PerfGate.Cli;

/// <summary>Where a command writes: standard output for results, standard error for diagnostics.</summary>
/// <param name="Out">Results and reports.</param>
/// <param name="Error">Warnings and errors.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error);
