using System.Diagnostics;
using AfirGen.PerfGate.Config.Scenarios;

namespace AfirGen.PerfGate.Load.Engine;

/// <summary>Hands out the operations of one phase to the workers: a shared count or deadline (closed model), or intended start times at a constant rate (open model).</summary>
internal sealed class Schedule
{
    private readonly long startTicks;
    private readonly long endTicks;
    private readonly long total;
    private readonly double periodTicks;
    private long taken;

    private Schedule(long startTicks, long endTicks, long total, double periodTicks)
    {
        this.startTicks = startTicks;
        this.endTicks = endTicks;
        this.total = total;
        this.periodTicks = periodTicks;
    }

    /// <summary>Operations handed out so far (never more than the total).</summary>
    public long Issued => Math.Min(Volatile.Read(ref taken), total);

    /// <summary>Open model: operations the phase intended to start.</summary>
    public long Total => total;

    /// <summary>A closed-model phase: as many operations as the workers can do, until the count or the deadline.</summary>
    public static Schedule Closed(LoadAmount amount)
    {
        var now = Stopwatch.GetTimestamp();
        return amount.Iterations is { } n
            ? new Schedule(now, long.MaxValue, n, 0)
            : new Schedule(now, now + Ticks(amount.Duration ?? TimeSpan.Zero), long.MaxValue, 0);
    }

    /// <summary>An open-model phase: starts at a constant <paramref name="rate"/>, intended start i at i / rate seconds.</summary>
    public static Schedule Open(LoadAmount amount, double rate)
    {
        var now = Stopwatch.GetTimestamp();
        var duration = amount.Iterations is { } n ? TimeSpan.FromSeconds(n / rate) : amount.Duration ?? TimeSpan.Zero;
        var count = amount.Iterations ?? (long)Math.Floor(duration.TotalSeconds * rate);
        return new Schedule(now, now + Ticks(duration), count, Stopwatch.Frequency / rate);
    }

    /// <summary>Closed model: takes the next operation, or false when the phase is over.</summary>
    public bool TryTake() => Interlocked.Increment(ref taken) <= total && Stopwatch.GetTimestamp() < endTicks;

    /// <summary>Open model: takes the next intended start, or false when the phase is over (its window has closed: what is left is dropped).</summary>
    public bool TryTake(out long intendedTicks)
    {
        var i = Interlocked.Increment(ref taken) - 1;
        intendedTicks = startTicks + (long)(i * periodTicks);
        if (i >= total || Stopwatch.GetTimestamp() >= endTicks)
        {
            Interlocked.Decrement(ref taken);
            return false;
        }

        return true;
    }

    /// <summary>Stopwatch ticks in a time span.</summary>
    public static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
