namespace AfirGen.PerfGate.Load.Engine;

/// <summary>How one operation ended: success or an error class, a cache hit or miss, and any pool acquisition time inside it.</summary>
/// <param name="Error">The error class, or null on success.</param>
/// <param name="Lookup">Whether a cache read hit or missed.</param>
/// <param name="AcquireTicks">Stopwatch ticks spent acquiring a pooled connection, or 0.</param>
public readonly record struct OperationOutcome(ErrorClass? Error, CacheLookup Lookup = CacheLookup.None, long AcquireTicks = 0)
{
    /// <summary>A plain success.</summary>
    public static OperationOutcome Success { get; } = new(null);

    /// <summary>A failure of the given class.</summary>
    public static OperationOutcome Failed(ErrorClass error) => new(error);
}
