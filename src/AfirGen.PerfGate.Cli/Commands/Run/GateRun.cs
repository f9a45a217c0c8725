using System.Globalization;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Reports;
using AfirGen.PerfGate.Thresholds;

namespace AfirGen.PerfGate.Cli.Commands.Run;

/// <summary>The common tail of every measuring command: run the category runners, compare with the baseline, write the output folder, print the summary, and choose the exit code.</summary>
internal static class GateRun
{
    public static async Task<int> RunAsync(CliConsole console, IReadOnlyList<ICategoryRunner> runners, GateRunOptions options, CancellationToken cancellationToken)
    {
        InlineSocketCompletions();
        // The baseline is read first: a bad one is exit 2 before minutes of load, not after.
        var baseline = options.Baseline is { } b ? ResultLoader.Load(b) : null;
        var results = new List<BenchmarkResult>();
        var skipped = new List<SkippedScenario>();
        var incomplete = false;
        EnvironmentFingerprint? environment = null;
        SourceInfo? source = null;
        // The machine's speed before and after the run, the faster kept: a co-tenant can only slow it.
        var reference = MachineSpeed.Measure();
        try
        {
            foreach (var runner in runners)
            {
                await runner.RunAsync(r => Report(console, results, r), cancellationToken).ConfigureAwait(false);
                foreach (var s in runner.Skipped)
                {
                    skipped.Add(s);
                    console.Error.WriteLine($"  {PlainText.Clean(s.Id)}: skipped: {PlainText.Clean(s.Reason, 500)}");
                }

                // BenchmarkDotNet reports the machine in more detail than the scenario runner knows it.
                environment ??= (runner as MicroCategoryRunner)?.Environment;
                // The commit measured, so that a history or a baseline says what it came from.
                source ??= (runner as MicroCategoryRunner)?.Source;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            incomplete = true;
        }

        var set = new ResultSet
        {
            CreatedAt = DateTimeOffset.UtcNow,
            Environment = results.Count > 0 && environment is not null ? environment : RunEnvironment.Current(),
            Source = source,
            Incomplete = incomplete,
            Benchmarks = results,
            Skipped = skipped,
            Setup = options.Config.Target is { } target && runners.Any(r => r is TargetCategoryRunner) ? TargetProcess.Setup(target) : null,
            ReferenceNanoseconds = incomplete ? reference : Math.Min(reference, MachineSpeed.Measure()),
        };
        return Finish(console, options.Config, baseline, set, options.Out, incomplete, options.SaveBaseline);
    }

    /// <summary>Compares, writes the output folder, prints the summary, saves the baseline when asked, and returns the exit code.</summary>
    public static int Finish(CliConsole console, PerfGateConfig config, ResultSet? baseline, ResultSet current, string outDirectory, bool cancelled, string? saveBaseline = null)
    {
        var comparison = SuiteComparer.Compare(baseline, current, config) with { Cancelled = cancelled };
        console.Out.Write(OutputFolder.Write(outDirectory, comparison));
        if (cancelled)
        {
            console.Error.WriteLine($"perfgate: cancelled; partial results (marked incomplete) are in {outDirectory}");
            return comparison.ExitCode;
        }

        if (saveBaseline is { } file)
        {
            Baselines.Save(current, file, config.Comparison);
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"perfgate: saved {current.Benchmarks.Count} results as the baseline {file}"));
        }

        return comparison.ExitCode;
    }

    /// <summary>
    /// Runs socket completions on the epoll thread instead of handing each to the thread pool, unless the user chose otherwise.
    /// Measured on the 2-core machine against nginx: about 1.8x the requests per second (docs/performance.md, "Load generator").
    /// It must happen before the first socket is used, which is why it is here and not in a driver.
    /// </summary>
    private static void InlineSocketCompletions()
    {
        const string variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
        if (Environment.GetEnvironmentVariable(variable) is null)
        {
            Environment.SetEnvironmentVariable(variable, "1");
        }
    }

    private static void Report(CliConsole console, List<BenchmarkResult> results, BenchmarkResult result)
    {
        results.Add(result);
        console.Error.WriteLine(LevelLine.Format(result));
        foreach (var warning in result.Scenario?.Warnings ?? [])
        {
            console.Error.WriteLine($"perfgate: warning: {PlainText.Clean(result.Id)}: {PlainText.Clean(warning, 500)}");
        }
    }
}

/// <summary>What the common tail needs besides the results.</summary>
/// <param name="Config">Thresholds and comparison settings.</param>
/// <param name="Baseline">The baseline to compare with, when given.</param>
/// <param name="Out">The output folder.</param>
/// <param name="SaveBaseline">Where to save the results as a baseline, when asked.</param>
internal sealed record GateRunOptions(PerfGateConfig Config, string? Baseline, string Out, string? SaveBaseline);
