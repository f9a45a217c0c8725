using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Load.Tests;

public sealed class MySqlLoadTests
{
    private const string Setup = """
        "setup": [
          "DROP TABLE IF EXISTS fir_test",
          "CREATE TABLE fir_test (id INT PRIMARY KEY, station VARCHAR(20), body TEXT)",
          "INSERT INTO fir_test SELECT seq, CONCAT('st', seq % 10), REPEAT('x', 200) FROM seq_1_to_2000"
        ],
        "teardown": [ "DROP TABLE IF EXISTS fir_test" ]
        """;

    public MySqlLoadTests() => Services.Export();

    [Fact]
    public async Task SelectByPrimaryKeyMeasuresQueriesAndPoolAcquisition()
    {
        using var perfgate = new Perfgate();
        var config = perfgate.Config($$"""
            { "scenarios": { "db": [ {
              "name": "select_by_pk", "connection": "env:PERFGATE_MYSQL", {{Setup}},
              "query": "SELECT id, station FROM fir_test WHERE id = @id",
              "variables": { "id": { "range": [1, 2000] } },
              "levels": [1, 4], "iterations": 300, "warmup": 30
            } ] } }
            """);

        var code = await perfgate.RunAsync("run", "--config", config, "--category", "db");

        Assert.True(code == 0, perfgate.Stderr + perfgate.Stdout);
        var r = perfgate.Result("db/select_by_pk@c4");
        Assert.Equal(Category.Db, r.Category);
        Assert.Equal(300, r.Latency!.Count);
        Assert.Equal(300, r.Scenario!.PoolAcquire!.Count);
        Assert.True(r.Scenario.PoolAcquire.P50 < r.Latency.P50, "acquiring a pooled connection is part of, and shorter than, the operation");
        Assert.Empty(r.Scenario.Warnings);
    }

    [Fact]
    public async Task FullTableScanIsAWarningOrAFailureWhenConfigured()
    {
        using var perfgate = new Perfgate();
        var config = perfgate.Config($$"""
            { "scenarios": { "load": { "levels": [1], "iterations": 20, "warmup": 0 }, "db": [
              { "name": "scan_warn", "connection": "env:PERFGATE_MYSQL", {{Setup}},
                "query": "SELECT COUNT(*) FROM fir_test WHERE station = @s", "variables": { "s": { "list": ["st1", "st2"] } } },
              { "name": "scan_fail", "connection": "env:PERFGATE_MYSQL", {{Setup}}, "explain": "fail",
                "query": "SELECT COUNT(*) FROM fir_test WHERE station = @s", "variables": { "s": { "list": ["st1"] } } }
            ] } }
            """);

        var code = await perfgate.RunAsync("run", "--config", config);

        Assert.Equal(1, code);
        var warned = perfgate.Result("db/scan_warn@c1");
        Assert.Equal(BenchmarkStatus.Succeeded, warned.Status);
        Assert.Contains(warned.Scenario!.Warnings, w => w.Contains("full table scan on `fir_test`", StringComparison.Ordinal));
        var failed = perfgate.Result("db/scan_fail@c1");
        Assert.Equal(BenchmarkStatus.Failed, failed.Status);
        Assert.Contains("full table scan", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CtrlCDuringALongQueryCancelsItOnTheServerAndExits130()
    {
        using var perfgate = new Perfgate();
        var config = perfgate.Config("""
            { "scenarios": { "db": [ {
              "name": "sleepy", "connection": "env:PERFGATE_MYSQL", "explain": "off",
              "query": "SELECT SLEEP(20)", "levels": [2], "iterations": 4, "warmup": 0, "timeout": "30s"
            } ] } }
            """);
        using var cancel = new CancellationTokenSource();
        var run = perfgate.RunAsync(cancel.Token, "run", "--config", config);
        await Task.Delay(1500);
        await cancel.CancelAsync();

        // The workers block in the query on threads of their own: only a server-side cancel can end it before the
        // query's own 20 s, whatever the machine's load (how soon is not asserted).
        var code = await run.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(130, code);
    }

    [Fact]
    public async Task MariaDbRestartedMidRunCountsErrorsReconnectsAndDoesNotHang()
    {
        using var perfgate = new Perfgate();
        var config = perfgate.Config($$"""
            { "scenarios": { "db": [ {
              "name": "pk_restart", "connection": "env:PERFGATE_MYSQL", {{Setup}},
              "query": "SELECT body FROM fir_test WHERE id = @id", "variables": { "id": { "range": [1, 2000] } },
              "levels": [3], "duration": "7s", "warmup": 0, "timeout": "1s"
            } ] } }
            """);
        var run = perfgate.RunAsync("run", "--config", config);
        await Task.Delay(1500);
        await Services.RestartAsync("mariadb");

        var code = await run.WaitAsync(TimeSpan.FromSeconds(60));

        var r = perfgate.Result("db/pk_restart@c3");
        Assert.True(code is 0 or 1, perfgate.Stderr);
        Assert.True(r.Scenario!.ErrorCount > 0, "queries during the restart fail and are counted");
        Assert.True(r.Latency!.Count > 0);
        // The restarted server starts its counters at zero: selects it served came from workers that reconnected.
        Assert.True(await ComSelectAsync() > 50, "the restarted server served the run's queries");
    }

    private static async Task<long> ComSelectAsync()
    {
        await using var connection = new MySqlConnector.MySqlConnection(Services.MySql);
        await connection.OpenAsync();
        await using var command = new MySqlConnector.MySqlCommand("SHOW GLOBAL STATUS LIKE 'Com_select'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return long.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);
    }
}
