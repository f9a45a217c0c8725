using AfirGen.PerfGate.Config.Scenarios;
using AfirGen.PerfGate.Load.Engine;
using AfirGen.PerfGate.Load.Fetch;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Cli.Commands.Run;

/// <summary>
/// Runs load scenarios (api, db, cache) one after another. An api target that is down at start stops the run (exit 3);
/// a db or cache scenario whose service is not configured or does not answer is skipped with the reason, so a machine without MariaDB or Redis still gates the rest.
/// </summary>
internal sealed class ScenarioCategoryRunner : ICategoryRunner
{
    /// <summary>The suffix of the result ids of a get-or-fetch scenario's source measured alone.</summary>
    public const string UncachedSuffix = ".uncached";

    private readonly List<SkippedScenario> _skipped = [];
    private readonly IReadOnlyList<ScenarioDefinition> scenarios;
    private readonly int? targetProcessId;

    /// <summary>Creates the runner; a malformed connection of any scenario is bad input now, before anything runs.</summary>
    public ScenarioCategoryRunner(IReadOnlyList<ScenarioDefinition> scenarios, int? targetProcessId)
    {
        foreach (var scenario in scenarios)
        {
            ScenarioTargets.CheckConnections(scenario);
        }

        this.scenarios = scenarios;
        this.targetProcessId = targetProcessId;
    }

    public IReadOnlyList<SkippedScenario> Skipped => _skipped;

    public async Task RunAsync(Action<BenchmarkResult> report, CancellationToken cancellationToken)
    {
        foreach (var scenario in scenarios)
        {
            if (ScenarioTargets.MissingConnection(scenario) is { } variable)
            {
                _skipped.Add(new SkippedScenario(scenario.BaseId, $"{variable} is not set"));
                continue;
            }

            if (scenario is CacheScenarioDefinition { Operation: CacheOperation.GetOrFetch, CompareUncached: true } cache)
            {
                await RunWithUncachedAsync(cache, report, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await RunOneAsync(scenario, ScenarioTargets.Create(scenario), report, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunOneAsync(ScenarioDefinition scenario, ILoadTarget target, Action<BenchmarkResult> report, CancellationToken cancellationToken)
    {
        await using (target.ConfigureAwait(false))
        {
            try
            {
                await ScenarioRunner.RunAsync(scenario, target, report, targetProcessId, cancellationToken).ConfigureAwait(false);
            }
            catch (TargetUnreachableException e) when (scenario.Category is Category.Db or Category.Cache)
            {
                _skipped.Add(new SkippedScenario(scenario.BaseId, e.Message));
            }
            catch (TargetUnreachableException e)
            {
                throw new RunFailedException($"{scenario.BaseId}: {e.Message}", e);
            }
        }
    }

    private async Task RunWithUncachedAsync(CacheScenarioDefinition cache, Action<BenchmarkResult> report, CancellationToken cancellationToken)
    {
        // The source alone first, then through the cache: each cached level then reports the share of latency caching saves.
        var uncached = new Dictionary<string, BenchmarkResult>(StringComparer.Ordinal);
        var source = ScenarioTargets.Fetch(cache)!;
        await using (source.ConfigureAwait(false))
        {
            var alone = cache with { Name = cache.Name + UncachedSuffix };
            await RunOneAsync(alone, new FetchLoadTarget(source, cache.Keys), r =>
            {
                uncached[r.Id[(alone.BaseId.Length)..]] = r;
                report(r);
            }, cancellationToken).ConfigureAwait(false);
        }

        await RunOneAsync(cache, ScenarioTargets.Create(cache), r => report(WithImprovement(r, cache, uncached)), cancellationToken).ConfigureAwait(false);
    }

    private static BenchmarkResult WithImprovement(BenchmarkResult cached, CacheScenarioDefinition cache, Dictionary<string, BenchmarkResult> uncached)
    {
        var level = cached.Id[cache.BaseId.Length..];
        return uncached.TryGetValue(level, out var u) && u.Latency is { Mean: > 0 } ul && cached.Latency is { } cl && cached.Scenario is { } s
            ? cached with { Scenario = s with { Improvement = 1 - (cl.Mean / ul.Mean) } }
            : cached;
    }
}
