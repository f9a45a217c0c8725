using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.BenchmarkDotNet.Interleaved;

/// <summary>
/// Base and head loaded side by side in one process (one load context each) and timed in alternating batches of
/// about a millisecond, so that the machine's drift — which on a shared runner changes its speed by tens of percent
/// from one second to the next — falls on both sides alike. Run in several worker processes by <see cref="AbRunner"/>:
/// where code and data land in memory differs from process to process and can favour one side for a whole process,
/// so the process, not the batch, is the unit of evidence.
/// </summary>
public static class InterleavedRunner
{
    // Long enough that the timer's resolution is nothing, short enough that the machine does not change within a pair.
    private static readonly TimeSpan BatchTarget = TimeSpan.FromMilliseconds(1);
    // Long enough for tiered compilation to have promoted the benchmark on both sides before anything is measured:
    // a side that is re-compiled part-way through would differ from the other for reasons that are not its code.
    private static readonly TimeSpan Warmup = TimeSpan.FromMilliseconds(500);

    /// <summary>Times the selected methods of both assemblies in this process; each side gets one launch per benchmark holding one sample per batch.</summary>
    public static (ResultSet Baseline, ResultSet Current) Run(string baseAssembly, string headAssembly, IReadOnlyCollection<string> methods,
        int pairs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var baseContext = new SideLoadContext(baseAssembly);
        var headContext = new SideLoadContext(headAssembly);
        try
        {
            var (baseCases, baseUnsupported) = BenchmarkDiscovery.Discover(baseContext.LoadFromAssemblyPath(baseAssembly));
            var (headCases, headUnsupported) = BenchmarkDiscovery.Discover(headContext.LoadFromAssemblyPath(headAssembly));
            var baseById = baseCases.Where(c => methods.Contains(c.Method)).ToDictionary(c => c.Id, StringComparer.Ordinal);
            var headById = headCases.Where(c => methods.Contains(c.Method)).ToDictionary(c => c.Id, StringComparer.Ordinal);
            var ids = baseById.Keys.Union(headById.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var baseResults = new List<BenchmarkResult>();
            var headResults = new List<BenchmarkResult>();
            var cancelled = false;
            foreach (var id in ids)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }

                baseById.TryGetValue(id, out var a);
                headById.TryGetValue(id, out var b);
                var (ra, rb) = Measure(id, a, b, pairs, cancellationToken);
                if (ra is not null)
                {
                    baseResults.Add(ra);
                }

                if (rb is not null)
                {
                    headResults.Add(rb);
                }
            }

            baseResults.AddRange(baseUnsupported.Where(u => methods.Contains(u.Method)).Select(Unsupported));
            headResults.AddRange(headUnsupported.Where(u => methods.Contains(u.Method)).Select(Unsupported));
            var environment = RunEnvironment.Current();
            return (Set(baseResults, environment, cancelled), Set(headResults, environment, cancelled));
        }
        finally
        {
            baseContext.Unload();
            headContext.Unload();
        }
    }

    private static BenchmarkResult Unsupported((string Method, string Reason) u) =>
        new() { Id = u.Method, Status = BenchmarkStatus.Failed, Error = u.Reason + "; run it with --job default" };

    private static ResultSet Set(List<BenchmarkResult> results, EnvironmentFingerprint environment, bool incomplete) =>
        new() { CreatedAt = DateTimeOffset.UtcNow, Environment = environment, Incomplete = incomplete, Benchmarks = results };

    private static (BenchmarkResult? Base, BenchmarkResult? Head) Measure(string id, BenchmarkCase? a, BenchmarkCase? b, int pairs, CancellationToken cancellationToken)
    {
        var sides = new[] { a, b };
        var samples = new[] { new List<double>(pairs), new List<double>(pairs) };
        var errors = new string?[2];
        try
        {
            var operations = Calibrate(a ?? b!);
            var warmupEnd = DateTime.UtcNow + Warmup;
            while (DateTime.UtcNow < warmupEnd)
            {
                a?.Time(operations);
                b?.Time(operations);
            }

            for (var round = 1; round <= pairs && !cancellationToken.IsCancellationRequested; round++)
            {
                // Alternate which side goes first, so that a trend within a pair does not favour one side.
                foreach (var side in round % 2 == 1 ? [0, 1] : new[] { 1, 0 })
                {
                    if (sides[side] is { } c)
                    {
                        samples[side].Add(c.Time(operations) / operations);
                    }
                }
            }
        }
#pragma warning disable CA1031 // A benchmark's own exception is data: that benchmark failed, the others still run.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var inner = e is System.Reflection.TargetInvocationException { InnerException: { } i } ? i : e;
            errors[0] = errors[1] = $"{inner.GetType().FullName}: {inner.Message}";
        }

        return (Result(id, a, samples[0], errors[0]), Result(id, b, samples[1], errors[1]));
    }

    private static BenchmarkResult? Result(string id, BenchmarkCase? side, List<double> samples, string? error)
    {
        if (side is null)
        {
            return null;
        }

        return error is not null || samples.Count == 0
            ? new BenchmarkResult { Id = id, Status = BenchmarkStatus.Failed, Error = error ?? "no measurements" }
            : new BenchmarkResult { Id = id, Launches = [new Launch(samples)] };
    }

    /// <summary>Operations per batch: doubled until a batch takes the target time.</summary>
    private static int Calibrate(BenchmarkCase c)
    {
        var operations = 1;
        while (operations < 1 << 30 && c.Time(operations) < BatchTarget.Ticks * 100.0)
        {
            operations *= 2;
        }

        return operations;
    }
}
