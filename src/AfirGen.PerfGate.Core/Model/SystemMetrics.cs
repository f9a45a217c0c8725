namespace AfirGen.PerfGate.Model;

/// <summary>The machine, the load generator and (when perfgate knows its process) the target while a scenario level ran, sampled every second.</summary>
public sealed record SystemMetrics
{
    /// <summary>How many one-second samples were taken.</summary>
    public int Samples { get; init; }

    /// <summary>Machine CPU use over the level, as a fraction of all cores (0..1).</summary>
    public double MachineCpu { get; init; }

    /// <summary>Highest one-second machine CPU use, as a fraction of all cores.</summary>
    public double MachineCpuMax { get; init; }

    /// <summary>The generator's own CPU use over the level, as a fraction of all cores.</summary>
    public double GeneratorCpu { get; init; }

    /// <summary>The generator's highest one-second CPU use, as a fraction of all cores.</summary>
    public double GeneratorCpuMax { get; init; }

    /// <summary>The generator's largest working set, in bytes.</summary>
    public long GeneratorMemoryMax { get; init; }

    /// <summary>The target's CPU use over the level, as a fraction of all cores, when its process is known.</summary>
    public double? TargetCpu { get; init; }

    /// <summary>The target's highest one-second CPU use, when its process is known.</summary>
    public double? TargetCpuMax { get; init; }

    /// <summary>The target's largest resident memory in bytes, when its process is known.</summary>
    public long? TargetMemoryMax { get; init; }

    /// <summary>Bytes read from the machine's disks during the level.</summary>
    public long DiskReadBytes { get; init; }

    /// <summary>Bytes written to the machine's disks during the level.</summary>
    public long DiskWriteBytes { get; init; }

    /// <summary>Generation 0 collections in the generator during the level.</summary>
    public int Gen0Collections { get; init; }

    /// <summary>Generation 1 collections in the generator during the level.</summary>
    public int Gen1Collections { get; init; }

    /// <summary>Generation 2 collections in the generator during the level.</summary>
    public int Gen2Collections { get; init; }
}
