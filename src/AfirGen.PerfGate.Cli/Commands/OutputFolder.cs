using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary>Writes the files of a results folder: results.json, comparison.json, summary.txt, report.md, report.html.</summary>
internal static class OutputFolder
{
    public const string Default = "perfgate-results";

    /// <summary>Makes an empty or blank value of <paramref name="option"/> a parse error (exit 2, one line) before anything is measured.</summary>
    public static T NotEmpty<T>(T option)
        where T : System.CommandLine.Option<string>
    {
        option.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError($"{option.Name} is empty; name a path to write to");
            }
        });
        return option;
    }

    /// <summary>Writes the folder and returns the text summary, for the terminal.</summary>
    public static string Write(string directory, SuiteComparison comparison) => ReportFolder.Write(directory, comparison);
}
