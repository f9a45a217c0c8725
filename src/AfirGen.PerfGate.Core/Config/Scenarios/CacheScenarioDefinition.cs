using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Config.Scenarios;

/// <summary>A Redis cache operation under load.</summary>
public sealed record CacheScenarioDefinition : ScenarioDefinition
{
    /// <inheritdoc />
    public override Category Category => Category.Cache;

    /// <summary>The environment variable holding the StackExchange.Redis configuration string.</summary>
    public required string ConnectionVariable { get; init; }

    /// <summary>What is measured.</summary>
    public CacheOperation Operation { get; init; } = CacheOperation.Get;

    /// <summary>The key namespace; keys are "{prefix}{n}".</summary>
    public string Prefix { get; init; } = "perfgate:";

    /// <summary>How many distinct keys are used.</summary>
    public int Keys { get; init; } = 1000;

    /// <summary>The size of written values in bytes.</summary>
    public int ValueSize { get; init; } = 100;

    /// <summary>Mixed operation: the fraction of reads.</summary>
    public double ReadRatio { get; init; } = 0.8;

    /// <summary>Expiry of written keys; null keeps them until teardown.</summary>
    public TimeSpan? Ttl { get; init; }

    /// <summary>Get-or-fetch: the source behind the cache.</summary>
    public CacheFetchDefinition? Fetch { get; init; }

    /// <summary>Get-or-fetch: also measure the source alone, to report the improvement caching gives.</summary>
    public bool CompareUncached { get; init; } = true;

    /// <summary>Connections (multiplexers) the workers share; 1 pipelines every worker over one socket, as applications do.</summary>
    public int Connections { get; init; } = 1;
}
