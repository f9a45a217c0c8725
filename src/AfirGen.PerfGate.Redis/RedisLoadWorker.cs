using AfirGen.PerfGate.Config.Scenarios;
using AfirGen.PerfGate.Load.Engine;
using AfirGen.PerfGate.Load.Fetch;
using StackExchange.Redis;

namespace AfirGen.PerfGate.Redis;

/// <summary>One cache worker: picks a key at random and runs the scenario's operation on it.</summary>
internal sealed class RedisLoadWorker(RedisLoadTarget target, CacheScenarioDefinition scenario, IDatabase? db, IFetchSource? fetch, Random random) : ILoadWorker
{
    private static readonly OperationOutcome Hit = new(null, CacheLookup.Hit);
    private static readonly OperationOutcome Miss = new(null, CacheLookup.Miss);

    public async ValueTask<OperationOutcome> ExecuteAsync(CancellationToken cancellationToken)
    {
        var n = random.NextInt64(scenario.Keys) + 1;
        if (scenario.Operation == CacheOperation.Key)
        {
            // Only the key is built: the cost of the namespace scheme itself.
            return target.Key(n).Length > 0 ? OperationOutcome.Success : OperationOutcome.Failed(ErrorClass.Check);
        }

        var database = db!;
        try
        {
            switch (scenario.Operation)
            {
                case CacheOperation.Get:
                    return Lookup(await database.StringGetAsync(target.Key(n)).ConfigureAwait(false));
                case CacheOperation.GetMiss:
                    return Lookup(await database.StringGetAsync(target.MissingKey(n)).ConfigureAwait(false));
                case CacheOperation.Set:
                    await database.StringSetAsync(target.Key(n), target.Value, target.Expiry).ConfigureAwait(false);
                    return OperationOutcome.Success;
                case CacheOperation.Delete:
                    await database.KeyDeleteAsync(target.Key(n)).ConfigureAwait(false);
                    return OperationOutcome.Success;
                case CacheOperation.Mixed when random.NextDouble() >= scenario.ReadRatio:
                    await database.StringSetAsync(target.Key(n), target.Value, target.Expiry).ConfigureAwait(false);
                    return OperationOutcome.Success;
                case CacheOperation.Mixed:
                    return Lookup(await database.StringGetAsync(target.Key(n)).ConfigureAwait(false));
                default:
                    return await GetOrFetchAsync(database, n, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (RedisFailures.Classify(e) is { } error)
        {
            return OperationOutcome.Failed(error);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static OperationOutcome Lookup(RedisValue value) => value.HasValue ? Hit : Miss;

    private async ValueTask<OperationOutcome> GetOrFetchAsync(IDatabase database, long n, CancellationToken cancellationToken)
    {
        var key = target.Key(n);
        if ((await database.StringGetAsync(key).ConfigureAwait(false)).HasValue)
        {
            return Hit;
        }

        var fetched = await fetch!.FetchAsync(n, cancellationToken).ConfigureAwait(false);
        if (fetched.Error is { } error)
        {
            return OperationOutcome.Failed(error);
        }

        await database.StringSetAsync(key, fetched.Value, target.Expiry).ConfigureAwait(false);
        return Miss;
    }
}
