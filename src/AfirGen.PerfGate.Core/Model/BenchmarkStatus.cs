namespace AfirGen.PerfGate.Model;

/// <summary>Whether a benchmark produced measurements.</summary>
public enum BenchmarkStatus
{
    /// <summary>The benchmark ran and produced measurements.</summary>
    Succeeded,

    /// <summary>The benchmark threw, crashed, timed out or produced no measurements.</summary>
    Failed,
}
