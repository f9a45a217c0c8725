using AfirGen.PerfGate.Cli;
using AfirGen.PerfGate.Load.Engine;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Load.Tests;

public sealed class HttpLoadTests
{
    [Fact]
    public async Task EachLevelIsOneResultWithItsOwnHistogram()
    {
        await using var server = await TestServer.StartAsync();
        using var perfgate = new Perfgate();

        var code = await perfgate.RunAsync("load", server.Url + "/ok", "-c", "1,4", "-n", "200", "--warmup", "20");

        Assert.True(code == 0, perfgate.Stderr + perfgate.Stdout);
        foreach (var (id, workers) in new[] { ("api/load@c1", 1), ("api/load@c4", 4) })
        {
            var r = perfgate.Result(id);
            Assert.Equal(Category.Api, r.Category);
            Assert.Equal(workers, r.Scenario!.Concurrency);
            Assert.Equal(200, r.Scenario.Requests);
            Assert.Equal(200, r.Latency!.Count);
            Assert.InRange(r.Latency.P50, 1e6, 1e9); // the endpoint waits about a millisecond
            Assert.Equal(200, HistogramCodec.Decode(r.Scenario.Histogram!).TotalCount);
            Assert.NotNull(r.Scenario.System);
        }
    }

    [Fact]
    public async Task BrokenSlaThresholdFailsTheGate()
    {
        await using var server = await TestServer.StartAsync();
        using var perfgate = new Perfgate();

        var code = await perfgate.RunAsync("load", server.Url + "/ok", "-c", "2", "-n", "100", "--warmup", "0", "--threshold", "p95<10us");

        Assert.Equal(1, code);
        Assert.Contains("p95<10us", perfgate.Stdout, StringComparison.Ordinal);

        // The threshold is stored with the verdict: a report of the folder says what the run said, and exits as it did.
        var (reportCode, report) = await ReportAsync(perfgate.Out, "markdown");
        Assert.Equal(1, reportCode);
        Assert.Contains("## ❌ PerfGate: failed", report, StringComparison.Ordinal);
        Assert.Contains("fails the gate: 1 sla-violated", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBuiltInErrorThresholdFailsTheRunAndItsReport()
    {
        // No threshold given: errors<1% holds for every scenario, and the folder's report states it too.
        await using var server = await TestServer.StartAsync();
        using var perfgate = new Perfgate();

        var code = await perfgate.RunAsync("load", server.Url + "/every/10/fails", "-c", "1", "-n", "100", "--warmup", "0");

        Assert.Equal(1, code);
        var (reportCode, report) = await ReportAsync(perfgate.Out, "text");
        Assert.Equal(1, reportCode);
        Assert.Contains("Fails the gate: 1 sla-violated\n", report, StringComparison.Ordinal);
        Assert.Contains("errors<1% broken", report, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout)> ReportAsync(string folder, string format)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await PerfGateCommand.RunAsync(["report", folder, "--format", format], stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString());
    }

    [Fact]
    public async Task TargetDownAtStartExitsWith3AndOneClearLine()
    {
        await using var server = await TestServer.StartAsync();
        var url = server.Url;
        await server.StopAsync();
        using var perfgate = new Perfgate();

        var code = await perfgate.RunAsync("load", url + "/ok", "-c", "1", "-d", "1s");

        Assert.Equal(3, code);
        var line = Assert.Single(perfgate.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("target unreachable", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TargetKilledMidRunFinishesWithErrorsCountedAndFails()
    {
        var server = await TestServer.StartAsync();
        using var perfgate = new Perfgate();
        var run = perfgate.RunAsync("load", server.Url + "/ok", "-c", "2", "-d", "2s", "--warmup", "0", "--timeout", "1s");
        await Task.Delay(700);
        await server.DisposeAsync();

        var code = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, code);
        var r = perfgate.Result("api/load@c2");
        Assert.True(r.Latency!.Count > 0, "requests before the kill succeeded");
        Assert.True(r.Scenario!.ErrorCount > 0, "requests after the kill are counted as errors");
        Assert.True(r.Scenario.Errors.ContainsKey("connect"), string.Join(",", r.Scenario.Errors.Keys));
    }

    [Fact]
    public async Task UnexpectedStatusAndFailedBodyCheckAreCountedByClass()
    {
        await using var server = await TestServer.StartAsync();
        using var perfgate = new Perfgate();
        var config = perfgate.Config($$"""
            {
              "scenarios": {
                "load": { "levels": [2], "iterations": 40, "warmup": 0 },
                "api": [
                  { "name": "teapot", "url": "{{server.Url}}/status/418" },
                  { "name": "wrong_body", "url": "{{server.Url}}/fir/7", "expect": { "status": [200], "body": "nope" } },
                  { "name": "right_body", "url": "{{server.Url}}/fir/7", "expect": { "body": "\"fir\":\"7\"" } }
                ]
              }
            }
            """);

        var code = await perfgate.RunAsync("run", "--config", config);

        Assert.Equal(1, code);
        Assert.Equal(40, perfgate.Result("api/teapot@c2").Scenario!.Errors["http-status"]);
        Assert.Equal(40, perfgate.Result("api/wrong_body@c2").Scenario!.Errors["check"]);
        Assert.True(perfgate.Result("api/right_body@c2").Status == BenchmarkStatus.Succeeded, perfgate.Result("api/right_body@c2").Error);
        Assert.Equal(0, perfgate.Result("api/right_body@c2").Scenario!.ErrorCount);
    }

    [Fact]
    public async Task UrlVariablesTakeEveryValueOfASequentialRange()
    {
        await using var server = await TestServer.StartAsync();
        using var perfgate = new Perfgate();
        var config = perfgate.Config($$"""
            {
              "scenarios": {
                "api": [ {
                  "name": "get_fir", "url": "{{server.Url}}/fir/{id}", "levels": [1], "iterations": 10, "warmup": 0,
                  "variables": { "id": { "range": [1, 5], "pick": "sequential" } }
                } ]
              }
            }
            """);

        Assert.Equal(0, await perfgate.RunAsync("run", "--config", config));
        Assert.Equal(["1", "2", "3", "4", "5"], server.SeenIds.Keys.Order());
        // Ten measured requests, two per id, plus the one that checks the target is up before the run.
        Assert.Equal(11, server.SeenIds.Values.Sum());
        Assert.All(server.SeenIds.Values, n => Assert.InRange(n, 2, 3));
    }

    [Fact]
    public async Task Http2OverTlsIsSpokenWhenAsked()
    {
        await using var server = await TestServer.StartAsync(https: true);
        using var perfgate = new Perfgate();

        var code = await perfgate.RunAsync("load", server.Url + "/ok", "-c", "2", "-n", "50", "--warmup", "0", "--http", "2", "-k");

        Assert.True(code == 0, perfgate.Stderr);
        Assert.True(server.Http2Requests >= 50, $"{server.Http2Requests} HTTP/2 requests");
    }

    [Fact]
    public async Task OpenModelMeasuresFromTheIntendedStartAndCountsDroppedStarts()
    {
        await using var server = await TestServer.StartAsync();
        using var perfgate = new Perfgate();

        // 2 workers against 50 ms answers carry at most 40/s: at 100/s a backlog builds, as it would for real users.
        var code = await perfgate.RunAsync("load", server.Url + "/slow/50", "--rate", "100/s", "--workers", "2", "-d", "2s", "--warmup", "0");

        Assert.Equal(0, code);
        var r = perfgate.Result("api/load@r100");
        Assert.Equal(100, r.Scenario!.Rate);
        Assert.True(r.Scenario.DroppedStarts > 50, $"dropped {r.Scenario.DroppedStarts}");
        // Service time is ~50 ms; from the intended start, the median waits far longer (coordinated omission corrected).
        Assert.True(r.Latency!.P50 > 200e6, $"p50 {r.Latency.P50 / 1e6:0.0} ms");
    }

    [Fact]
    public async Task CtrlCWritesPartialResultsMarkedIncompleteAndExits130()
    {
        await using var server = await TestServer.StartAsync();
        using var perfgate = new Perfgate();
        using var cancel = new CancellationTokenSource();
        var run = perfgate.RunAsync(cancel.Token, "load", server.Url + "/ok", "-c", "1,2", "-d", "1s", "--warmup", "0");
        await Task.Delay(1600);
        await cancel.CancelAsync();

        var code = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(130, code);
        Assert.True(perfgate.Results.Incomplete);
        Assert.Contains(perfgate.Results.Benchmarks, b => b.Id == "api/load@c1");
    }
}
