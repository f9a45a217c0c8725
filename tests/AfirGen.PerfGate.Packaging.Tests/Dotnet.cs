using System.Diagnostics;

namespace AfirGen.PerfGate.Packaging.Tests;

/// <summary>Runs the dotnet CLI (or an installed tool) as a separate process, as a user or CI would.</summary>
internal static partial class Dotnet
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => Stdout + Stderr;

        /// <summary>The lines that carry a diagnostic code, e.g. every "error PERF0001" line.</summary>
        /// <remarks>Trimmed, without the "1&gt;" node prefix of detailed verbosity, so that a diagnostic and its repeat in the build summary compare equal.</remarks>
        public IReadOnlyList<string> Lines(string text) =>
            Output.Split('\n').Select(l => NodePrefix().Replace(l.Trim(), "")).Where(l => l.Contains(text, StringComparison.Ordinal)).ToList();

        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+>")]
    private static partial System.Text.RegularExpressions.Regex NodePrefix();

    public static Outcome Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Start("dotnet", workingDirectory, environment, args);

    public static Outcome Start(string fileName, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // The test host runs inside `dotnet test`; its MSBuild variables would steer the child build to the wrong toolset.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            psi.Environment.Remove(key);
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // Lingering build nodes would hold our redirected output open and outlive the test.
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (k, v) in environment)
        {
            psi.Environment[k] = v;
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in 5 minutes");
        }

        p.WaitForExit();
        return new Outcome(p.ExitCode, stdout.Result, stderr.Result);
    }
}
