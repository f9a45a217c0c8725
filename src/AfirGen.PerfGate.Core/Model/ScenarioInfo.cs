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

    /// <summary>Errors by class (timeout, connect, http-status, check); their sum is the error count.</summary>
    public IReadOnlyDictionary<string, long> Errors { get; init; } = new Dictionary<string, long>();

    /// <summary>Cache hit rate in [0, 1], for cache scenarios.</summary>
    public double? HitRate { get; init; }

    /// <summary>The merged latency histogram, compressed HdrHistogram encoding in base64, so percentiles can be recomputed and shards merged.</summary>
    public string? Histogram { get; init; }

    /// <summary>Total errors of every class.</summary>
    public long ErrorCount => Errors.Values.Sum();

    /// <summary>Errors as a fraction of requests, in [0, 1].</summary>
    public double ErrorRate => Requests == 0 ? 0 : (double)ErrorCount / Requests;

    /// <inheritdoc />
    public bool Equals(ScenarioInfo? other) =>
        other is not null && Concurrency == other.Concurrency && Throughput.Equals(other.Throughput) && Requests == other.Requests
        && HitRate.Equals(other.HitRate) && Histogram == other.Histogram
        && Errors.Count == other.Errors.Count && Errors.All(e => other.Errors.TryGetValue(e.Key, out var v) && v == e.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Concurrency, Throughput, Requests);
}
