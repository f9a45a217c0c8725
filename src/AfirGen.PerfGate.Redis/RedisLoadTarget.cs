using AfirGen.PerfGate.Config.Scenarios;
using AfirGen.PerfGate.Load.Engine;
using AfirGen.PerfGate.Load.Fetch;
using StackExchange.Redis;

namespace AfirGen.PerfGate.Redis;

/// <summary>A Redis cache operation as a load target: keys written or cleared before each level, and removed at the end.</summary>
public sealed class RedisLoadTarget(CacheScenarioDefinition scenario, string configuration, IFetchSource? fetch) : ILoadTarget
{
    private const int Batch = 500;
    private ConnectionMultiplexer? admin;

    /// <inheritdoc />
    public string Description => $"{scenario.BaseId} on {ConfigurationOptions.Parse(configuration).EndPoints.FirstOrDefault()}";

    /// <summary>The bytes every written key holds.</summary>
    internal byte[] Value { get; } = Enumerable.Repeat((byte)'x', scenario.ValueSize).ToArray();

    /// <summary>The expiry of written keys.</summary>
    internal Expiration Expiry => scenario.Ttl is { } ttl ? ttl : Expiration.Default;

    /// <summary>The key for number <paramref name="n"/>.</summary>
    internal string Key(long n) => string.Concat(scenario.Prefix, n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The key for number <paramref name="n"/> in the namespace that is never written.</summary>
    internal string MissingKey(long n) => string.Concat(scenario.Prefix, "missing:", n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> PrepareAsync(CancellationToken cancellationToken)
    {
        try
        {
            var options = RedisFailures.Options(configuration, scenario.Load.Timeout, abortOnConnectFail: true);
            // INFO (the server's hit counters) is an admin command; the workers' connections stay without admin rights.
            options.AllowAdmin = true;
            admin = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
            await admin.GetDatabase().PingAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (RedisFailures.Classify(e) is not null)
        {
            throw new TargetUnreachableException($"target unreachable: Redis at {ConfigurationOptions.Parse(configuration).EndPoints.FirstOrDefault()}: {e.Message.ReplaceLineEndings(" ")}", e);
        }

        if (fetch is not null)
        {
            await fetch.CheckAsync(cancellationToken).ConfigureAwait(false);
        }

        return [];
    }

    /// <inheritdoc />
    public async Task<ILoadSession> OpenAsync(int workers, CancellationToken cancellationToken)
    {
        var db = Admin().GetDatabase();
        // Every level starts from the same cache state, so levels compare.
        if (scenario.Operation is CacheOperation.Get or CacheOperation.Delete or CacheOperation.Mixed)
        {
            await ForEachKeyAsync(n => db.StringSetAsync(Key(n), Value, Expiry), cancellationToken).ConfigureAwait(false);
        }
        else if (scenario.Operation is CacheOperation.GetOrFetch)
        {
            await ForEachKeyAsync(n => db.KeyDeleteAsync(Key(n)), cancellationToken).ConfigureAwait(false);
        }

        var connections = new ConnectionMultiplexer[scenario.Operation == CacheOperation.Key ? 0 : Math.Min(scenario.Connections, workers)];
        for (var i = 0; i < connections.Length; i++)
        {
            connections[i] = await ConnectionMultiplexer.ConnectAsync(RedisFailures.Options(configuration, scenario.Load.Timeout, abortOnConnectFail: false)).ConfigureAwait(false);
        }

        return new RedisLoadSession(this, scenario, connections, Admin(), fetch);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (admin is null)
        {
            return;
        }

        if (admin.IsConnected && scenario.Operation != CacheOperation.Key)
        {
            var db = admin.GetDatabase();
            await ForEachKeyAsync(n => db.KeyDeleteAsync(Key(n)), CancellationToken.None).ConfigureAwait(false);
        }

        await admin.DisposeAsync().ConfigureAwait(false);
        if (fetch is not null)
        {
            await fetch.DisposeAsync().ConfigureAwait(false);
        }
    }

    private ConnectionMultiplexer Admin() => admin ?? throw new InvalidOperationException("PrepareAsync was not called");

    private async Task ForEachKeyAsync(Func<long, Task> operation, CancellationToken cancellationToken)
    {
        // Pipelined in batches: thousands of keys take milliseconds, not a round trip each.
        for (long from = 1; from <= scenario.Keys; from += Batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var to = Math.Min(scenario.Keys, from + Batch - 1);
            var tasks = new List<Task>(Batch);
            for (var n = from; n <= to; n++)
            {
                tasks.Add(operation(n));
            }

            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
    }
}
