using AfirGen.PerfGate.BenchmarkDotNet;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Cli.Commands.Run;

/// <summary>Runs BenchmarkDotNet projects (category micro) for <c>perfgate run</c>, with a live progress line.</summary>
internal sealed class MicroCategoryRunner(IReadOnlyList<string> projects, MicroRunOptions options) : ICategoryRunner
{
    /// <summary>The machine as BenchmarkDotNet described it, once a project has run.</summary>
    public EnvironmentFingerprint? Environment { get; private set; }

    /// <summary>The commit and branch the first project was built from, when it is in a git checkout.</summary>
    public SourceInfo? Source { get; private set; }

    public async Task RunAsync(Action<BenchmarkResult> report, CancellationToken cancellationToken)
    {
        foreach (var project in projects)
        {
            var outcome = await ProgressDisplay.RunAsync(progress => MicroRunner.RunAsync(project, options with { Progress = progress }, cancellationToken)).ConfigureAwait(false);
            Environment ??= outcome.Results.Environment;
            Source ??= outcome.Results.Source;
            foreach (var b in outcome.Results.Benchmarks)
            {
                report(b);
            }

            // Partial results are reported above; the cancellation then ends the run as incomplete.
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
