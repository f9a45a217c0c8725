namespace AfirGen.PerfGate.Model;

/// <summary>One process launch of a micro-benchmark: its measured iterations, in nanoseconds per operation.</summary>
/// <param name="Samples">Workload iterations of the measured stage, nanoseconds per operation, in run order.</param>
public sealed record Launch(IReadOnlyList<double> Samples)
{
    /// <inheritdoc />
    public bool Equals(Launch? other) => other is not null && Samples.SequenceEqual(other.Samples);

    /// <inheritdoc />
    public override int GetHashCode() => Samples.Count;
}
