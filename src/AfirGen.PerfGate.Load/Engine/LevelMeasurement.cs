using System.Globalization;
using AfirGen.PerfGate.Model;
using HdrHistogram;

namespace AfirGen.PerfGate.Load.Engine;

/// <summary>One level's merged measurements: the workers' histograms added together (never averaged percentiles), counts and system metrics.</summary>
public sealed record LevelMeasurement
{
    /// <summary>Generator CPU (fraction of all cores) at or above which the level is invalid.</summary>
    public const double SaturatedCpu = 0.9;

    /// <summary>Share of late starts above which an open-model level is invalid.</summary>
    public const double SaturatedLateShare = 0.01;

    /// <summary>
    /// Shortest measured phase whose generator CPU is judged: over a few tens of milliseconds the share is JIT
    /// compilation and the coarse CPU-time clock, not the load.
    /// </summary>
    public static readonly TimeSpan ShortestJudgedPhase = TimeSpan.FromSeconds(1);

    /// <summary>The plan that was run.</summary>
    public required LevelPlan Plan { get; init; }

    /// <summary>Latencies of successful operations.</summary>
    public required HistogramBase Latency { get; init; }

    /// <summary>Pool acquisition times, when the driver measured them.</summary>
    public HistogramBase? Acquire { get; init; }

    /// <summary>Operations attempted.</summary>
    public long Requests { get; init; }

    /// <summary>Errors by class name.</summary>
    public IReadOnlyDictionary<string, long> Errors { get; init; } = new Dictionary<string, long>();

    /// <summary>Cache hits seen by the client.</summary>
    public long Hits { get; init; }

    /// <summary>Cache misses seen by the client.</summary>
    public long Misses { get; init; }

    /// <summary>Open model: late starts.</summary>
    public long LateStarts { get; init; }

    /// <summary>Open model: starts never issued.</summary>
    public long? DroppedStarts { get; init; }

    /// <summary>Wall time of the measured phase.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>What the session reported.</summary>
    public SessionReport Session { get; init; } = SessionReport.None;

    /// <summary>System metrics over the phase.</summary>
    public Model.SystemMetrics? System { get; init; }

    /// <summary>Successful operations per second.</summary>
    public double Throughput => Elapsed > TimeSpan.Zero ? Latency.TotalCount / Elapsed.TotalSeconds : 0;

    internal static LevelMeasurement Merge(LevelPlan plan, WorkerRecorder[] recorders, TimeSpan elapsed, long? dropped, SessionReport report, Model.SystemMetrics? system)
    {
        var latency = HistogramCodec.Create();
        HistogramBase? acquire = null;
        var errors = new long[Enum.GetValues<ErrorClass>().Length];
        foreach (var r in recorders)
        {
            latency.Add(r.Latency);
            if (r.Acquire is { } a)
            {
                acquire ??= HistogramCodec.Create();
                acquire.Add(a);
            }

            for (var i = 0; i < errors.Length; i++)
            {
                errors[i] += r.Errors[i];
            }
        }

        return new LevelMeasurement
        {
            Plan = plan,
            Latency = latency,
            Acquire = acquire,
            Requests = recorders.Sum(r => r.Requests),
            Errors = Enum.GetValues<ErrorClass>().Where(e => errors[(int)e] > 0).ToDictionary(ErrorClassNames.Of, e => errors[(int)e], StringComparer.Ordinal),
            Hits = recorders.Sum(r => r.Hits),
            Misses = recorders.Sum(r => r.Misses),
            LateStarts = recorders.Sum(r => r.LateStarts),
            DroppedStarts = dropped,
            Elapsed = elapsed,
            Session = report,
            System = system,
        };
    }

    /// <summary>The result users see, with the level marked failed when the generator was saturated or nothing succeeded.</summary>
    public BenchmarkResult ToResult(string baseId, Category category, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        var problem = Problem();
        if (System is { } s && s.GeneratorCpu >= SaturatedCpu && Elapsed < ShortestJudgedPhase)
        {
            warnings = [.. warnings, string.Create(CultureInfo.InvariantCulture,
                $"generator CPU {s.GeneratorCpu:P0} over a {Elapsed.TotalMilliseconds:0} ms phase is not judged (shorter than {ShortestJudgedPhase.TotalSeconds:0} s)")];
        }

        return new BenchmarkResult
        {
            Id = baseId + Plan.IdSuffix,
            Category = category,
            Status = problem is null ? BenchmarkStatus.Succeeded : BenchmarkStatus.Failed,
            Error = problem,
            Latency = HistogramCodec.Summarize(Latency),
            Scenario = new ScenarioInfo
            {
                Concurrency = Plan.Workers,
                Throughput = Throughput,
                Requests = Requests,
                Errors = Errors,
                HitRate = Hits + Misses > 0 ? (double)Hits / (Hits + Misses) : null,
                Histogram = Latency.TotalCount > 0 ? HistogramCodec.Encode(Latency) : null,
                Rate = Plan.Rate,
                LateStarts = Plan.Rate is null ? null : LateStarts,
                DroppedStarts = DroppedStarts,
                ServerHitRate = Session.ServerHitRate,
                PoolAcquire = Acquire is null ? null : HistogramCodec.Summarize(Acquire),
                System = System,
                Warnings = [.. warnings, .. Session.Warnings],
            },
        };
    }

    /// <summary>Why the level cannot be trusted or passed, or null when it can.</summary>
    public string? Problem()
    {
        // A saturated generator measures itself, not the target: the level is invalid, never passed.
        if (System is { } s && s.GeneratorCpu >= SaturatedCpu && Elapsed >= ShortestJudgedPhase)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"generator saturated: its own CPU was {s.GeneratorCpu:P0} of {Environment.ProcessorCount} cores; use fewer workers or a bigger machine");
        }

        var issued = Requests + (DroppedStarts ?? 0);
        if (Plan.Rate is not null && issued > 0 && (double)LateStarts / issued > SaturatedLateShare)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"generator saturated: {(double)LateStarts / issued:P1} of starts were more than {Plan.LateAllowance.TotalMilliseconds:0} ms late");
        }

        if (Requests == 0)
        {
            return "no operation was run";
        }

        return Latency.TotalCount == 0
            ? $"every operation failed ({string.Join(", ", Errors.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key} {e.Value}")))})"
            : null;
    }
}
