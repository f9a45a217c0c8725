namespace AfirGen.PerfGate.Model;

/// <summary>The kind of thing a benchmark measures; reports group by it.</summary>
public enum Category
{
    /// <summary>A BenchmarkDotNet micro-benchmark.</summary>
    Micro,

    /// <summary>An HTTP endpoint under load.</summary>
    Api,

    /// <summary>A MySQL/MariaDB query under load.</summary>
    Db,

    /// <summary>A Redis cache operation under load.</summary>
    Cache,
}
