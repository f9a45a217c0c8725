using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>Pools the launches of several processes into one result per benchmark, keeping each launch's samples and round.</summary>
internal sealed class LaunchAccumulator
{
    private readonly Dictionary<string, BenchmarkResult> _byId = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>The environment of the first launch that reported one.</summary>
    public EnvironmentFingerprint Environment { get; private set; } = EnvironmentFingerprint.Unknown;

    /// <summary>Adds one launch's results; <paramref name="round"/> marks them as part of an A/B round.</summary>
    public void Add(ResultSet launch, int? round)
    {
        if (Environment == EnvironmentFingerprint.Unknown)
        {
            Environment = launch.Environment;
        }

        foreach (var b in launch.Benchmarks)
        {
            var launches = b.Launches.Select(l => l with { Round = round }).ToArray();
            if (!_byId.TryGetValue(b.Id, out var seen))
            {
                _order.Add(b.Id);
                _byId[b.Id] = b with { Launches = launches };
                continue;
            }

            // A failure in any launch is a failure of the benchmark: a crash is not noise to average away.
            _byId[b.Id] = seen.Status == BenchmarkStatus.Failed ? seen
                : b.Status == BenchmarkStatus.Failed ? b with { Launches = [.. seen.Launches, .. launches] }
                : seen with { Launches = [.. seen.Launches, .. launches], Memory = Smaller(seen.Memory, b.Memory) };
        }
    }

    // BenchmarkDotNet counts every thread's allocations while it measures one benchmark, so a launch can be charged
    // for a background allocation (the JIT, a timer) that is not the benchmark's. Such noise only ever adds: the
    // smallest figure over the launches is the benchmark's own, and it is the one compared exactly.
    private static MemoryInfo? Smaller(MemoryInfo? a, MemoryInfo? b) =>
        a is null ? b : b is null ? a : b.AllocatedBytesPerOperation < a.AllocatedBytesPerOperation ? b : a;

    /// <summary>Puts <paramref name="replacement"/>'s results, launches and rounds as they are, in place of the results of <paramref name="ids"/>.</summary>
    public void Replace(IReadOnlyCollection<string> ids, ResultSet replacement)
    {
        foreach (var id in ids)
        {
            _byId.Remove(id);
            _order.Remove(id);
        }

        foreach (var b in replacement.Benchmarks)
        {
            if (_byId.TryAdd(b.Id, b))
            {
                _order.Add(b.Id);
            }
        }
    }

    /// <summary>The pooled results.</summary>
    public ResultSet Build(SourceInfo? source, bool incomplete) => new()
    {
        CreatedAt = DateTimeOffset.UtcNow,
        Environment = Environment,
        Source = source,
        Incomplete = incomplete,
        Benchmarks = _order.Select(id => _byId[id]).ToArray(),
    };
}
