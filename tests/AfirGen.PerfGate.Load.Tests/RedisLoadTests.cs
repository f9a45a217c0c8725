using AfirGen.PerfGate.Model;
using StackExchange.Redis;

namespace AfirGen.PerfGate.Load.Tests;

public sealed class RedisLoadTests
{
    public RedisLoadTests() => Services.Export();

    [Fact]
    public async Task HitRatesFollowTheOperationAndTheReadRatio()
    {
        using var perfgate = new Perfgate();
        var config = perfgate.Config("""
            { "scenarios": { "load": { "levels": [4], "iterations": 2000, "warmup": 100 }, "cache": [
              { "name": "get_hit", "connection": "env:PERFGATE_REDIS", "operation": "get", "prefix": "t:hit:", "keys": 200 },
              { "name": "get_miss", "connection": "env:PERFGATE_REDIS", "operation": "get-miss", "prefix": "t:miss:", "keys": 200 },
              { "name": "mixed", "connection": "env:PERFGATE_REDIS", "operation": "mixed", "prefix": "t:mixed:", "keys": 200, "readRatio": 0.8 },
              { "name": "set", "connection": "env:PERFGATE_REDIS", "operation": "set", "prefix": "t:set:", "keys": 200, "ttl": "60s" },
              { "name": "delete", "connection": "env:PERFGATE_REDIS", "operation": "delete", "prefix": "t:del:", "keys": 200 },
              { "name": "key", "connection": "env:PERFGATE_REDIS", "operation": "key", "prefix": "app:v1:fir:" }
            ] } }
            """);

        var code = await perfgate.RunAsync("run", "--config", config, "--category", "cache");

        Assert.True(code == 0, perfgate.Stderr + perfgate.Stdout);
        Assert.Equal(1.0, perfgate.Result("cache/get_hit@c4").Scenario!.HitRate);
        Assert.Equal(0.0, perfgate.Result("cache/get_miss@c4").Scenario!.HitRate);
        var mixed = perfgate.Result("cache/mixed@c4");
        Assert.Equal(Category.Cache, mixed.Category);
        Assert.InRange(mixed.Latency!.Count, 2000, 2000);
        Assert.NotNull(mixed.Scenario!.ServerHitRate);
        Assert.Null(perfgate.Result("cache/set@c4").Scenario!.HitRate);
        Assert.True(perfgate.Result("cache/key@c4").Latency!.P50 < perfgate.Result("cache/get_hit@c4").Latency!.P50, "building a key costs less than a round trip");
    }

    [Fact]
    public async Task GetOrFetchReportsTheImprovementOverTheUncachedSource()
    {
        using var perfgate = new Perfgate();
        var config = perfgate.Config("""
            { "scenarios": { "cache": [
              { "name": "fir_cached", "connection": "env:PERFGATE_REDIS", "operation": "get-or-fetch", "prefix": "t:gof:", "keys": 20,
                "fetch": { "delay": "20ms" }, "levels": [2], "iterations": 200, "warmup": 0 }
            ] } }
            """);

        var code = await perfgate.RunAsync("run", "--config", config);

        Assert.True(code == 0, perfgate.Stderr + perfgate.Stdout);
        var uncached = perfgate.Result("cache/fir_cached.uncached@c2");
        var cached = perfgate.Result("cache/fir_cached@c2");
        Assert.True(uncached.Latency!.P50 >= 20e6);
        Assert.InRange(cached.Scenario!.HitRate!.Value, 0.8, 0.95); // 20 keys: only the first read of each misses
        Assert.True(cached.Scenario.Improvement > 0.5, $"improvement {cached.Scenario.Improvement}");
    }

    [Fact]
    public async Task RedisRestartedMidRunCountsErrorsReconnectsAndDoesNotHang()
    {
        using var perfgate = new Perfgate();
        var config = perfgate.Config("""
            { "scenarios": { "cache": [
              { "name": "get_restart", "connection": "env:PERFGATE_REDIS", "operation": "get", "prefix": "t:rs:", "keys": 100,
                "levels": [4], "duration": "6s", "warmup": 0, "timeout": "500ms" }
            ] } }
            """);
        var run = perfgate.RunAsync("run", "--config", config);
        await Task.Delay(1500);
        await Services.RestartAsync("redis");

        var code = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(code is 0 or 1, perfgate.Stderr);
        var r = perfgate.Result("cache/get_restart@c4");
        Assert.True(r.Scenario!.ErrorCount > 0, "operations during the restart fail and are counted");
        // The restarted server lost the keys: every GET it served after the restart is a miss.
        Assert.True(r.Scenario.HitRate < 1, $"hit rate {r.Scenario.HitRate}");
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Services.Redis + ",allowAdmin=true");
        var stats = (await redis.GetServer(redis.GetEndPoints()[0]).InfoAsync("stats")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value);
        Assert.True(long.Parse(stats["keyspace_misses"], System.Globalization.CultureInfo.InvariantCulture) > 50, "the restarted server served the run's reads");
    }
}
