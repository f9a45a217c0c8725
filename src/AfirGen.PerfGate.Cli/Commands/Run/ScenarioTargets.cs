using AfirGen.PerfGate.Config.Scenarios;
using AfirGen.PerfGate.Load.Engine;
using AfirGen.PerfGate.Load.Fetch;
using AfirGen.PerfGate.Load.Http;
using AfirGen.PerfGate.MySql;
using AfirGen.PerfGate.Redis;

namespace AfirGen.PerfGate.Cli.Commands.Run;

/// <summary>Builds the driver for each kind of scenario; connection strings come from the environment, never from the file.</summary>
internal static class ScenarioTargets
{
    public static ILoadTarget Create(ScenarioDefinition scenario) => scenario switch
    {
        HttpScenarioDefinition http => new HttpLoadTarget(http),
        DbScenarioDefinition db => new MySqlLoadTarget(db, Secret(db, db.ConnectionVariable)),
        CacheScenarioDefinition cache => new RedisLoadTarget(cache, Secret(cache, cache.ConnectionVariable), Fetch(cache)),
        _ => throw new ArgumentException($"unknown scenario kind {scenario.GetType().Name}", nameof(scenario)),
    };

    /// <summary>The source behind a get-or-fetch scenario, or null for other operations.</summary>
    public static IFetchSource? Fetch(CacheScenarioDefinition cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (cache.Operation != CacheOperation.GetOrFetch || cache.Fetch is not { } f)
        {
            return null;
        }

        var connections = Math.Max(1, cache.Load.IsOpen ? cache.Load.Connections ?? 16 : cache.Load.Levels.Max());
        return f switch
        {
            { Delay: { } delay } => new DelayFetchSource(delay),
            { Sql: { } sql, ConnectionVariable: { } variable } => new MySqlFetchSource(sql, Secret(cache, variable), connections, cache.Load.Timeout),
            { Url: { } url } => new HttpFetchSource(url, connections, cache.Load.Timeout),
            _ => null,
        };
    }

    /// <summary>The first environment variable a scenario's connections need that is not set, or null when all are.</summary>
    public static string? MissingConnection(ScenarioDefinition scenario)
    {
        IEnumerable<string?> variables = scenario switch
        {
            DbScenarioDefinition db => [db.ConnectionVariable],
            CacheScenarioDefinition cache => [cache.ConnectionVariable, cache.Fetch?.ConnectionVariable],
            _ => [],
        };
        return variables.OfType<string>().FirstOrDefault(v => Environment.GetEnvironmentVariable(v) is not { Length: > 0 });
    }

    private static string Secret(ScenarioDefinition scenario, string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new RunFailedException($"{scenario.BaseId}: the environment variable {variable} (its connection) is not set");
}
