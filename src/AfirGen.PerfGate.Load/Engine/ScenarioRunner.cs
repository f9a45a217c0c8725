using AfirGen.PerfGate.Config.Scenarios;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Load.Engine;

/// <summary>Runs a scenario's levels one after another against its target, reporting one result per level as soon as it is measured.</summary>
public static class ScenarioRunner
{
    /// <summary>Prepares the target and runs every level; a scenario that cannot run as configured reports each level as failed.</summary>
    /// <exception cref="TargetUnreachableException">The target did not answer before the run.</exception>
    public static async Task RunAsync(ScenarioDefinition scenario, ILoadTarget target, Action<BenchmarkResult> report, int? targetProcessId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(report);
        var plans = LevelPlan.For(scenario.Load);
        IReadOnlyList<string> warnings;
        try
        {
            warnings = await target.PrepareAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ScenarioFailedException e)
        {
            foreach (var plan in plans)
            {
                report(new BenchmarkResult { Id = scenario.BaseId + plan.IdSuffix, Category = scenario.Category, Status = BenchmarkStatus.Failed, Error = e.Message });
            }

            return;
        }

        foreach (var plan in plans)
        {
            var session = await target.OpenAsync(plan.Workers, cancellationToken).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                var measured = await LoadEngine.RunAsync(session, plan, targetProcessId, cancellationToken).ConfigureAwait(false);
                report(measured.ToResult(scenario.BaseId, scenario.Category, warnings));
            }
        }
    }
}
