using System.Diagnostics;
using HdrHistogram;

namespace AfirGen.PerfGate.Load.Engine;

/// <summary>What one worker measured: its own histograms and counters, merged with the others' only at the end (no sharing, no locks).</summary>
internal sealed class WorkerRecorder
{
    private static readonly double NanosecondsPerTick = 1e9 / Stopwatch.Frequency;
    private readonly long[] errors = new long[Enum.GetValues<ErrorClass>().Length];

    public LongHistogram Latency { get; } = HistogramCodec.Create();

    public LongHistogram? Acquire { get; private set; }

    public long Requests { get; private set; }

    public long Hits { get; private set; }

    public long Misses { get; private set; }

    public long LateStarts { get; set; }

    public IReadOnlyList<long> Errors => errors;

    public static long ToNanoseconds(long ticks) => (long)(ticks * NanosecondsPerTick);

    public void Record(in OperationOutcome outcome, long latencyTicks)
    {
        Requests++;
        if (outcome.Error is { } error)
        {
            // Failed operations are counted, not timed: a refused connection answers in microseconds and would flatter the latency.
            errors[(int)error]++;
            return;
        }

        HistogramCodec.Record(Latency, ToNanoseconds(latencyTicks));
        if (outcome.Lookup == CacheLookup.Hit)
        {
            Hits++;
        }
        else if (outcome.Lookup == CacheLookup.Miss)
        {
            Misses++;
        }

        if (outcome.AcquireTicks > 0)
        {
            Acquire ??= HistogramCodec.Create();
            HistogramCodec.Record(Acquire, ToNanoseconds(outcome.AcquireTicks));
        }
    }
}
