using System.Globalization;
using AfirGen.PerfGate.Config.Scenarios;
using AfirGen.PerfGate.Load.Engine;
using AfirGen.PerfGate.Load.Fetch;
using StackExchange.Redis;

namespace AfirGen.PerfGate.Redis;

/// <summary>One level of a cache scenario: its connections (workers share them round robin) and the server's hit counters.</summary>
internal sealed class RedisLoadSession(RedisLoadTarget target, CacheScenarioDefinition scenario, ConnectionMultiplexer[] connections, ConnectionMultiplexer admin, IFetchSource? fetch) : ILoadSession
{
    private (long Hits, long Misses)? before;

    public ValueTask<ILoadWorker> CreateWorkerAsync(int index, CancellationToken cancellationToken)
    {
        IDatabase? db = connections.Length == 0 ? null : connections[index % connections.Length].GetDatabase();
        return ValueTask.FromResult<ILoadWorker>(new RedisLoadWorker(target, scenario, db, fetch, new Random(index + 1)));
    }

    public async Task BeginMeasureAsync(CancellationToken cancellationToken) => before = await ServerCountersAsync().ConfigureAwait(false);

    public async Task<SessionReport> EndMeasureAsync(CancellationToken cancellationToken)
    {
        var after = await ServerCountersAsync().ConfigureAwait(false);
        if (before is not { } b || after is not { } a)
        {
            return SessionReport.None;
        }

        if (a.Hits < b.Hits || a.Misses < b.Misses)
        {
            // Counters that went down mean the server restarted during the level: its own hit rate covers only part of it.
            return new SessionReport(null, ["the Redis server restarted during the level (its INFO counters went back): no server-side hit rate"]);
        }

        if (a.Hits + a.Misses - b.Hits - b.Misses <= 0)
        {
            return SessionReport.None;
        }

        // The server counts every client's lookups: on a shared server this is the whole server's hit rate over the level.
        return new SessionReport((double)(a.Hits - b.Hits) / (a.Hits + a.Misses - b.Hits - b.Misses), []);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in connections)
        {
            await c.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<(long Hits, long Misses)?> ServerCountersAsync()
    {
        try
        {
            var server = admin.GetServer(admin.GetEndPoints()[0]);
            var stats = (await server.InfoAsync("stats").ConfigureAwait(false)).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            return stats.TryGetValue("keyspace_hits", out var hits) && stats.TryGetValue("keyspace_misses", out var misses)
                ? (long.Parse(hits, CultureInfo.InvariantCulture), long.Parse(misses, CultureInfo.InvariantCulture))
                : null;
        }
        catch (Exception e) when (RedisFailures.Classify(e) is not null)
        {
            // The server may be restarting right now: the level then has no server-side hit rate, only the client's.
            return null;
        }
    }
}
