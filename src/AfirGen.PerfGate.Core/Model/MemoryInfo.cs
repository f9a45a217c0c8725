namespace AfirGen.PerfGate.Model;

/// <summary>Allocation and garbage-collection figures per operation, as BenchmarkDotNet's memory diagnoser gives them.</summary>
/// <param name="AllocatedBytesPerOperation">Bytes allocated per operation; deterministic for a given build.</param>
/// <param name="Gen0PerThousand">Gen 0 collections per 1,000 operations.</param>
/// <param name="Gen1PerThousand">Gen 1 collections per 1,000 operations.</param>
/// <param name="Gen2PerThousand">Gen 2 collections per 1,000 operations.</param>
public sealed record MemoryInfo(long AllocatedBytesPerOperation, double Gen0PerThousand, double Gen1PerThousand, double Gen2PerThousand);
