namespace AfirGen.PerfGate.Config.Scenarios;

/// <summary>Where get-or-fetch goes on a cache miss: a fixed delay, a MySQL query or an HTTP call.</summary>
public sealed record CacheFetchDefinition
{
    /// <summary>Wait this long, standing in for a slow source.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>Run this query (with the scenario's variables as parameters) and cache its first column.</summary>
    public string? Sql { get; init; }

    /// <summary>The environment variable holding the MySQL connection string for <see cref="Sql"/>.</summary>
    public string? ConnectionVariable { get; init; }

    /// <summary>GET this URL template and cache the body.</summary>
    public string? Url { get; init; }
}
