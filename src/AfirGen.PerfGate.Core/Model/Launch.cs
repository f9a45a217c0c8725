namespace AfirGen.PerfGate.Model;

/// <summary>One process launch of a micro-benchmark: its measured iterations, in nanoseconds per operation.</summary>
/// <param name="Samples">Workload iterations of the measured stage, nanoseconds per operation, in run order.</param>
/// <param name="Round">The A/B round this launch ran in, when base and head were run interleaved; launches of the same round are compared as a pair.</param>
public sealed record Launch(IReadOnlyList<double> Samples, int? Round = null)
{
    /// <inheritdoc />
    public bool Equals(Launch? other) => other is not null && Round == other.Round && Samples.SequenceEqual(other.Samples);

    /// <inheritdoc />
    public override int GetHashCode() => Samples.Count;
}
