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
        DbScenarioDefinition db => new MySqlLoadTarget(db, MySqlConnection(db, db.ConnectionVariable)),
        CacheScenarioDefinition cache => new RedisLoadTarget(cache, RedisConnection(cache, cache.ConnectionVariable), Fetch(cache)),
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
            { Sql: { } sql, ConnectionVariable: { } variable } => new MySqlFetchSource(sql, MySqlConnection(cache, variable), connections, cache.Load.Timeout),
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

    /// <summary>
    /// Checks every connection a scenario needs whose variable is set, before anything runs: a malformed one is bad
    /// input naming the variable (exit 2), not an internal error in the middle of the run.
    /// </summary>
    public static void CheckConnections(ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (MissingConnection(scenario) is not null)
        {
            return; // skipped with the reason
        }

        switch (scenario)
        {
            case DbScenarioDefinition db:
                MySqlConnection(db, db.ConnectionVariable);
                break;
            case CacheScenarioDefinition cache:
                RedisConnection(cache, cache.ConnectionVariable);
                if (cache.Fetch is { Sql: not null, ConnectionVariable: { } variable })
                {
                    MySqlConnection(cache, variable);
                }

                break;
        }
    }

    private static string MySqlConnection(ScenarioDefinition scenario, string variable) =>
        Normalized(variable, Secret(scenario, variable), MySqlConnectionSetting.Normalize);

    private static string RedisConnection(ScenarioDefinition scenario, string variable) =>
        Normalized(variable, Secret(scenario, variable), RedisConnectionSetting.Normalize);

    private static string Normalized(string variable, string value, Func<string, string> normalize)
    {
        try
        {
            return normalize(value);
        }
        catch (FormatException e)
        {
            throw new InputException($"environment variable {variable}", null, e.Message, e);
        }
    }

    private static string Secret(ScenarioDefinition scenario, string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new RunFailedException($"{scenario.BaseId}: the environment variable {variable} (its connection) is not set");
}
