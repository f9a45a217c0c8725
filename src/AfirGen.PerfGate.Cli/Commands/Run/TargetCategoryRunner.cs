using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Cli.Commands.Run;

/// <summary>Starts the config's target, runs the scenarios against it (sampling its process), and stops it afterwards, also on failure or Ctrl+C.</summary>
internal sealed class TargetCategoryRunner(TargetDefinition target, Func<int, ICategoryRunner> createInner) : ICategoryRunner
{
    public async Task RunAsync(Action<BenchmarkResult> report, CancellationToken cancellationToken)
    {
        var process = await TargetProcess.StartAsync(target, cancellationToken).ConfigureAwait(false);
        await using (process.ConfigureAwait(false))
        {
            await createInner(process.Id).RunAsync(report, cancellationToken).ConfigureAwait(false);
        }
    }
}
