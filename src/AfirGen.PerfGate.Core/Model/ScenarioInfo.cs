namespace AfirGen.PerfGate.Model;

/// <summary>What a load scenario measured beyond latency: load level, throughput, errors and cache hits.</summary>
public sealed record ScenarioInfo
{
    /// <summary>Concurrent workers (closed model), when the scenario used them.</summary>
    public int? Concurrency { get; init; }

    /// <summary>Measured completions per second.</summary>
    public double Throughput { get; init; }

    /// <summary>Requests attempted during the measured phase.</summary>
    public long Requests { get; init; }

    /// <summary>Errors by class (timeout, connect, reset, truncated, protocol, http-status, check, server); their sum is the error count.</summary>
    public IReadOnlyDictionary<string, long> Errors { get; init; } = new Dictionary<string, long>();

    /// <summary>Cache hit rate in [0, 1], for cache scenarios.</summary>
    public double? HitRate { get; init; }

    /// <summary>The merged latency histogram, compressed HdrHistogram encoding in base64, so percentiles can be recomputed and shards merged.</summary>
    public string? Histogram { get; init; }

    /// <summary>Open model: the intended arrival rate in operations per second.</summary>
    public double? Rate { get; init; }

    /// <summary>Open model: starts the generator issued more than the lateness allowance after their intended time while a worker was free (a sign of a saturated generator).</summary>
    public long? LateStarts { get; init; }

    /// <summary>Open model: intended starts inside the measured window that were never issued because every worker was busy.</summary>
    public long? DroppedStarts { get; init; }

    /// <summary>Cache scenarios: the hit rate the server saw (INFO stats keyspace hits and misses, as deltas over the level).</summary>
    public double? ServerHitRate { get; init; }

    /// <summary>Cache-aside scenarios: the share of mean latency caching saves against the source alone (0.6 = 60% faster).</summary>
    public double? Improvement { get; init; }

    /// <summary>Db scenarios with a pool: the time taken to acquire a connection from it.</summary>
    public LatencySummary? PoolAcquire { get; init; }

    /// <summary>System metrics sampled while the level ran.</summary>
    public SystemMetrics? System { get; init; }

    /// <summary>Things worth a look that do not fail the level (e.g. a full table scan in the query plan).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Total errors of every class.</summary>
    public long ErrorCount => Errors.Values.Sum();

    /// <summary>Errors as a fraction of requests, in [0, 1].</summary>
    public double ErrorRate => Requests == 0 ? 0 : (double)ErrorCount / Requests;

    /// <inheritdoc />
    public bool Equals(ScenarioInfo? other) =>
        other is not null && Concurrency == other.Concurrency && Throughput.Equals(other.Throughput) && Requests == other.Requests
        && HitRate.Equals(other.HitRate) && Histogram == other.Histogram
        && Rate.Equals(other.Rate) && LateStarts == other.LateStarts && DroppedStarts == other.DroppedStarts
        && ServerHitRate.Equals(other.ServerHitRate) && Improvement.Equals(other.Improvement)
        && Equals(PoolAcquire, other.PoolAcquire) && Equals(System, other.System) && Warnings.SequenceEqual(other.Warnings)
        && Errors.Count == other.Errors.Count && Errors.All(e => other.Errors.TryGetValue(e.Key, out var v) && v == e.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Concurrency, Throughput, Requests);
}
