using System.Diagnostics;
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

    /// <summary>The benchmark methods of <paramref name="assembly"/> as <c>--list flat</c> names them (Namespace.Type.Method), found by reflection.</summary>
    public static IReadOnlyList<string> List(string assembly)
    {
        var context = new SideLoadContext(assembly);
        try
        {
            return BenchmarkDiscovery.Methods(context.LoadFromAssemblyPath(Path.GetFullPath(assembly)));
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>
    /// Times the selected methods of both assemblies in this process; each side gets one launch per benchmark holding one
    /// sample per batch. <paramref name="seed"/> (the worker's round) orders the benchmarks and the sides: where each
    /// side's compiled code lands in memory follows what was compiled before it, and a fixed order would give every
    /// worker the same placement, so that a side favoured by it would be favoured in every round. <paramref name="cases"/>,
    /// when given, narrows the run to those benchmark ids (the ones a sequential look left undecided).
    /// </summary>
    public static (ResultSet Baseline, ResultSet Current) Run(string baseAssembly, string headAssembly, IReadOnlyCollection<string> methods,
        int pairs, int seed, IReadOnlySet<string>? cases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var random = new Random(seed);
        var baseContext = new SideLoadContext(baseAssembly);
        var headContext = new SideLoadContext(headAssembly);
        try
        {
            var headFirst = random.Next(2) == 1;
            var headLoaded = headFirst ? BenchmarkDiscovery.Discover(headContext.LoadFromAssemblyPath(headAssembly), methods) : default;
            var (baseCases, baseUnsupported) = BenchmarkDiscovery.Discover(baseContext.LoadFromAssemblyPath(baseAssembly), methods);
            var (headCases, headUnsupported) = headFirst ? headLoaded : BenchmarkDiscovery.Discover(headContext.LoadFromAssemblyPath(headAssembly), methods);
            var baseById = baseCases.ToDictionary(c => c.Id, StringComparer.Ordinal);
            var headById = headCases.ToDictionary(c => c.Id, StringComparer.Ordinal);
            var ids = baseById.Keys.Union(headById.Keys, StringComparer.Ordinal).Where(id => cases is null || cases.Contains(id)).Order(StringComparer.Ordinal).ToArray();
            random.Shuffle(ids);
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
                var (ra, rb) = Measure(id, a, b, pairs, random.Next(2), cancellationToken);
                if (ra is not null)
                {
                    baseResults.Add(ra);
                }

                if (rb is not null)
                {
                    headResults.Add(rb);
                }
            }

            baseResults.AddRange(baseUnsupported.Where(u => cases is null || cases.Contains(u.Method)).Select(Unsupported));
            headResults.AddRange(headUnsupported.Where(u => cases is null || cases.Contains(u.Method)).Select(Unsupported));
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
        new() { Id = u.Method, Status = BenchmarkStatus.Failed, Error = u.Reason };

    private static ResultSet Set(List<BenchmarkResult> results, EnvironmentFingerprint environment, bool incomplete) =>
        new() { CreatedAt = DateTimeOffset.UtcNow, Environment = environment, Incomplete = incomplete, Benchmarks = results };

    /// <summary>
    /// Times one benchmark on both sides in alternating batches. Batches are calibrated after the warmup, when tiered
    /// compilation has settled, to at least <see cref="BatchTarget"/> on both sides, and made longer again whenever the
    /// machine speeds up; the harness overhead (an empty method of the same shape, called the same way) is measured
    /// and subtracted, as BenchmarkDotNet does.
    /// </summary>
    private static (BenchmarkResult? Base, BenchmarkResult? Head) Measure(string id, BenchmarkCase? a, BenchmarkCase? b, int pairs, int firstSide,
        CancellationToken cancellationToken)
    {
        var cases = new[] { a, b };
        var prepared = new PreparedCase?[2];
        var errors = new string?[2];
        var samples = new[] { new List<double>(pairs), new List<double>(pairs) };
        double overhead = 0;
        try
        {
            foreach (var side in firstSide == 0 ? [0, 1] : new[] { 1, 0 })
            {
                if (cases[side] is { } c)
                {
                    prepared[side] = Guard(side, errors, () => c.Prepare());
                }
            }

            // The wall time of one batch on every side still running; a side that throws is out, with its reason.
            double Batch(long operations, Action<int, double>? record, int first)
            {
                var shortest = double.PositiveInfinity;
                foreach (var side in first == 0 ? [0, 1] : new[] { 1, 0 })
                {
                    if (prepared[side] is not { } p || errors[side] is not null)
                    {
                        continue;
                    }

                    var start = Stopwatch.GetTimestamp();
                    var timed = Guard(side, errors, () => p.Time(operations));
                    var wall = Stopwatch.GetElapsedTime(start).Ticks * 100.0;
                    if (errors[side] is null)
                    {
                        record?.Invoke(side, timed);
                        shortest = Math.Min(shortest, wall);
                    }
                }

                return shortest;
            }

            long operations = 1;
            var warmupEnd = Stopwatch.GetTimestamp() + (long)(Warmup.TotalSeconds * Stopwatch.Frequency);
            var target = BatchTarget.Ticks * 100.0;
            while (true)
            {
                var shortest = Batch(operations, null, firstSide);
                if (double.IsPositiveInfinity(shortest))
                {
                    break; // no side left
                }

                if (shortest < target && operations < MaxOperations)
                {
                    operations *= 2;
                }
                else if (Stopwatch.GetTimestamp() >= warmupEnd)
                {
                    break;
                }
            }

            if (Live(prepared, errors) is { } reference)
            {
                overhead = Guard(Array.IndexOf(prepared, reference), errors, () => Overhead(reference, operations));
            }

            for (var pair = 1; pair <= pairs && !cancellationToken.IsCancellationRequested && Live(prepared, errors) is not null; pair++)
            {
                var ops = operations;
                // Alternate which side goes first, so that a trend within a pair does not favour one side.
                var shortest = Batch(ops, (side, ns) => samples[side].Add(ns / ops), pair % 2 == 1 ? firstSide : 1 - firstSide);
                if (shortest < target / 2 && operations < MaxOperations)
                {
                    operations *= 2; // the machine got faster: keep the batches well above the timer's resolution
                }
            }
        }
        finally
        {
            for (var side = 0; side < 2; side++)
            {
                if (prepared[side] is { } p)
                {
                    Guard(side, errors, () =>
                    {
                        p.Cleanup();
                        return 0;
                    });
                }
            }
        }

        // An overhead as large as the benchmark itself leaves nothing measurable after subtraction; keep the raw time then.
        var smallest = samples.SelectMany(s => s).DefaultIfEmpty(0).Min();
        var subtract = overhead > 0 && overhead <= smallest / 2 ? overhead : 0;
        return (Result(id, a, samples[0], errors[0], subtract), Result(id, b, samples[1], errors[1], subtract));
    }

    private const long MaxOperations = 1L << 32;

    private static PreparedCase? Live(PreparedCase?[] prepared, string?[] errors) =>
        prepared.Where((p, i) => p is not null && errors[i] is null).FirstOrDefault();

    /// <summary>The harness overhead per operation: the median of batches of an empty method of the benchmark's shape.</summary>
    private static double Overhead(PreparedCase reference, long operations)
    {
        for (var i = 0; i < OverheadBatches; i++)
        {
            reference.TimeEmpty(operations);
        }

        var batches = new double[OverheadBatches];
        for (var i = 0; i < OverheadBatches; i++)
        {
            batches[i] = reference.TimeEmpty(operations) / operations;
        }

        Array.Sort(batches);
        return batches[OverheadBatches / 2];
    }

    private const int OverheadBatches = 21;

    /// <summary>Runs a benchmark's own code; what it throws is that side's failure (its first reason kept), not the run's.</summary>
    private static T? Guard<T>(int side, string?[] errors, Func<T> action)
    {
        try
        {
            return action();
        }
#pragma warning disable CA1031 // A benchmark's own exception is data: that benchmark failed, the others still run.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var inner = e is System.Reflection.TargetInvocationException { InnerException: { } i } ? i : e;
            errors[side] ??= $"{inner.GetType().FullName}: {inner.Message}";
            return default;
        }
    }

    private static BenchmarkResult? Result(string id, BenchmarkCase? side, List<double> samples, string? error, double overhead)
    {
        if (side is null)
        {
            return null;
        }

        if (error is null && samples.Count > 0 && samples.Any(s => !(s > 0) || !double.IsFinite(s)))
        {
            error = "the timer measured no time for a batch: the measurement is not usable";
        }

        return error is not null || samples.Count == 0
            ? new BenchmarkResult { Id = id, Status = BenchmarkStatus.Failed, Error = error ?? "no measurements" }
            : new BenchmarkResult { Id = id, Launches = [new Launch(samples.Select(s => s - overhead).ToArray())] };
    }
}
