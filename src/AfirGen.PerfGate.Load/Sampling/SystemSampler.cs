namespace AfirGen.PerfGate.Load.Sampling;

/// <summary>Samples machine, generator and target counters every second while a level is measured.</summary>
public sealed class SystemSampler : IAsyncDisposable
{
    private readonly int? targetProcessId;
    private readonly SystemSnapshot first;
    private readonly PeriodicTimer timer = new(TimeSpan.FromSeconds(1));
    private readonly Task<SystemSnapshot> loop;
    private Model.SystemMetrics? result;
    private double machineMax;
    private double generatorMax;
    private double? targetMax;
    private long memoryMax;
    private long? targetMemoryMax;
    private int samples;

    private SystemSampler(int? targetProcessId)
    {
        this.targetProcessId = targetProcessId;
        first = SystemSnapshot.Take(targetProcessId);
        Observe(first, first);
        loop = Task.Run(SampleAsync);
    }

    /// <summary>Starts sampling; <paramref name="targetProcessId"/> adds the target's CPU and memory.</summary>
    public static SystemSampler Start(int? targetProcessId) => new(targetProcessId);

    /// <summary>Stops sampling and returns the metrics over the whole time it ran.</summary>
    public async Task<Model.SystemMetrics> StopAsync()
    {
        if (result is not null)
        {
            return result;
        }

        timer.Dispose();
        var previous = await loop.ConfigureAwait(false);
        var last = SystemSnapshot.Take(targetProcessId);
        Observe(previous, last);
        result = new Model.SystemMetrics
        {
            Samples = samples,
            MachineCpu = SystemSnapshot.MachineShare(first, last),
            MachineCpuMax = machineMax,
            GeneratorCpu = SystemSnapshot.GeneratorShare(first, last),
            GeneratorCpuMax = generatorMax,
            GeneratorMemoryMax = memoryMax,
            TargetCpu = SystemSnapshot.TargetShare(first, last),
            TargetCpuMax = targetMax,
            TargetMemoryMax = targetMemoryMax,
            DiskReadBytes = Math.Max(0, last.DiskReadBytes - first.DiskReadBytes),
            DiskWriteBytes = Math.Max(0, last.DiskWriteBytes - first.DiskWriteBytes),
            Gen0Collections = last.Gen0 - first.Gen0,
            Gen1Collections = last.Gen1 - first.Gen1,
            Gen2Collections = last.Gen2 - first.Gen2,
        };
        return result;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task<SystemSnapshot> SampleAsync()
    {
        var previous = first;
        // Disposing the timer ends the wait with false: that is how sampling stops.
        while (await timer.WaitForNextTickAsync().ConfigureAwait(false))
        {
            var now = SystemSnapshot.Take(targetProcessId);
            Observe(previous, now);
            samples++;
            previous = now;
        }

        return previous;
    }

    private void Observe(SystemSnapshot a, SystemSnapshot b)
    {
        // A partial last interval is too short to say anything about a peak, but memory is a level, not a rate.
        memoryMax = Math.Max(memoryMax, b.GeneratorMemory);
        if (b.TargetMemory is { } tm)
        {
            targetMemoryMax = Math.Max(targetMemoryMax ?? 0, tm);
        }

        if ((double)(b.Timestamp - a.Timestamp) / System.Diagnostics.Stopwatch.Frequency < 0.5)
        {
            return;
        }

        machineMax = Math.Max(machineMax, SystemSnapshot.MachineShare(a, b));
        generatorMax = Math.Max(generatorMax, SystemSnapshot.GeneratorShare(a, b));
        if (SystemSnapshot.TargetShare(a, b) is { } t)
        {
            targetMax = Math.Max(targetMax ?? 0, t);
        }
    }
}
