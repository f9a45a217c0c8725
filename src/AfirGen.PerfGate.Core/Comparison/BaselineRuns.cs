using System.Globalization;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Statistics;

namespace AfirGen.PerfGate.Comparison;

/// <summary>
/// Several runs of the same suite made into one baseline that has learnt its noise from them: a micro-benchmark keeps
/// every launch of every run (their spread is then launch-to-launch and run-to-run noise at once), a load scenario
/// keeps its median run and stores the run-to-run spread of its mean, p95 and throughput. One run alone measures no
/// run-to-run noise of a load scenario, and a later comparison would have to assume one.
/// </summary>
public static class BaselineRuns
{
    /// <summary>The runs as one result set; runs of different machines or setups are bad input naming the file.</summary>
    public static ResultSet Combine(IReadOnlyList<(string Source, ResultSet Results)> runs, ComparisonSettings settings)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(settings);
        if (runs.Count == 0)
        {
            throw new ArgumentException("No runs.", nameof(runs));
        }

        var (firstSource, first) = runs[0];
        if (runs.Count == 1)
        {
            return first;
        }

        foreach (var (source, run) in runs.Skip(1))
        {
            foreach (var (field, a, b) in first.Environment.Differences(run.Environment))
            {
                throw new InputException(source, $"$.environment.{field}", $"'{b}' differs from '{a}' in {firstSource}: a baseline learns its noise from runs of one kind of machine");
            }

            if (SystemSetup.Differences(first.Setup, run.Setup, $"in {firstSource}", "here") is [var difference, ..])
            {
                throw new InputException(source, "$.setup", $"{difference}: a baseline learns its noise from runs of one setup");
            }
        }

        var ids = runs.SelectMany(r => r.Results.Benchmarks.Select(b => b.Id)).Distinct(StringComparer.Ordinal).ToList();
        var benchmarks = ids.Select(id => CombineOne(runs.Select(r => r.Results.Benchmarks.FirstOrDefault(b => b.Id == id)).OfType<BenchmarkResult>().ToList(), settings)).ToList();
        return first with
        {
            CreatedAt = runs.Max(r => r.Results.CreatedAt),
            Incomplete = runs.Any(r => r.Results.Incomplete),
            Benchmarks = benchmarks,
            Skipped = [.. runs.SelectMany(r => r.Results.Skipped).Distinct()],
            // The median run's speed of the machine, as for everything else a baseline keeps.
            ReferenceNanoseconds = runs.Select(r => r.Results.ReferenceNanoseconds).OfType<double>().ToList() is { Count: > 0 } references
                ? Statistics.Descriptive.Median(references) : null,
        };
    }

    private static BenchmarkResult CombineOne(List<BenchmarkResult> runs, ComparisonSettings settings)
    {
        var succeeded = runs.Where(b => b.Status == BenchmarkStatus.Succeeded).ToList();
        if (succeeded.Count == 0)
        {
            return runs[0];
        }

        if (succeeded.All(b => b.Latency is not null))
        {
            // The median run by mean latency stands for the scenario; the spread across runs is its noise.
            var ordered = succeeded.OrderBy(b => b.Latency!.Mean).ToList();
            var median = ordered[(ordered.Count - 1) / 2];
            var prior = median.LaunchNoise ?? settings.LaunchNoise;
            double?[] spreads =
            [
                LaunchNoise.FromCenters([[.. succeeded.Select(b => Math.Log(b.Latency!.Mean))]], prior),
                LaunchNoise.FromCenters([[.. succeeded.Select(b => Math.Log(b.Latency!.P95))]], prior),
                succeeded.All(b => b.Scenario is { Throughput: > 0 })
                    ? LaunchNoise.FromCenters([[.. succeeded.Select(b => Math.Log(b.Scenario!.Throughput))]], prior)
                    : null,
            ];
            return spreads.Max() is { } noise ? median with { LaunchNoise = noise } : median;
        }

        // Launches of every run, in run order; a round belongs to an A/B run and means nothing across runs.
        var launches = succeeded.SelectMany(b => b.Launches.Select(l => l with { Round = null })).ToList();
        var combined = succeeded[0] with
        {
            Launches = launches,
            Memory = succeeded.Select(b => b.Memory).OfType<MemoryInfo>().MinBy(m => m.AllocatedBytesPerOperation),
        };
        return LaunchNoise.Estimate([launches], combined.LaunchNoise ?? settings.LaunchNoise) is { } n ? combined with { LaunchNoise = n } : combined;
    }

    /// <summary>One line saying what was learnt, e.g. "3 runs: 5 micro-benchmarks with 9 launches each, 80 load results with their run-to-run noise".</summary>
    public static string Describe(int runs, ResultSet combined)
    {
        ArgumentNullException.ThrowIfNull(combined);
        var load = combined.Benchmarks.Count(b => b.Latency is not null && b.LaunchNoise is not null);
        var micro = combined.Benchmarks.Count(b => b.Launches.Count > 0);
        return string.Create(CultureInfo.InvariantCulture, $"{runs} runs: {micro} micro-benchmarks with the launches of all of them, {load} load results with their run-to-run noise");
    }
}
