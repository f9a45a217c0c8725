using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.Cli.Tests;

/// <summary><c>perfgate history</c> as a nightly job runs it: add each run, detect, draw, acknowledge.</summary>
public sealed class HistoryCommandTests
{
    private static string Commit(int i) => i.ToString("x4") + new string('b', 36);

    // 24 nightly runs, Parse 25% slower from run 20 on.
    private static string[] Nightlies(TempDir dir)
    {
        var rng = new Random(3);
        return Enumerable.Range(0, 24).Select(i =>
        {
            var center = 1000 * (i >= 20 ? 1.25 : 1) * (1 + (0.04 * (rng.NextDouble() - 0.5)));
            var set = new ResultSet
            {
                CreatedAt = new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero).AddDays(i),
                Environment = new EnvironmentFingerprint { Os = "Linux", Cpu = "AMD EPYC", Cores = 2 },
                Source = new SourceInfo(Commit(i), "main"),
                Benchmarks = [Results.Micro("Sample.Parse", i, center, launches: 1, iterations: 15)],
            };
            var file = dir.File($"run{i}.json");
            File.WriteAllText(file, ResultsJson.Serialize(set));
            return file;
        }).ToArray();
    }

    [Fact]
    public void ANightlyRegressionFailsDetectNamesItsCommitAndIsDrawn()
    {
        using var dir = new TempDir();
        var store = dir.File("store");
        foreach (var run in Nightlies(dir))
        {
            var added = PerfGateProcess.Run(dir.Path, "history", "add", run, "--to", store);
            Assert.True(added.ExitCode == 0, added.ToString());
        }

        var detect = PerfGateProcess.Run(dir.Path, "history", "detect", store);
        Assert.True(detect.ExitCode == 1, detect.ToString());
        Assert.Contains("regressed        Sample.Parse time: +", detect.Stdout);
        Assert.Contains($"began at {Commit(20)[..12]} (2026-11-21) (last good {Commit(19)[..12]} (2026-11-20)), 4 runs ago", detect.Stdout);
        Assert.Contains("history gate failed: 1 regression began in the last 7 runs", detect.Stdout);
        Assert.Equal(0, PerfGateProcess.Run(dir.Path, "history", "detect", store, "--recent", "3").ExitCode);

        var report = PerfGateProcess.Run(dir.Path, "history", "report", store, "--output", dir.File("page"), "--repository-url", "https://github.com/o/r");
        Assert.True(report.ExitCode == 0, report.ToString());
        var html = File.ReadAllText(dir.File("page/index.html"));
        Assert.Contains($"https://github.com/o/r/commit/{Commit(20)}", html);

        var ack = PerfGateProcess.Run(dir.Path, "history", "ack", store, "--benchmark", "Sample.Parse", "--commit", Commit(20)[..10], "--reason", "accepted");
        Assert.True(ack.ExitCode == 0, ack.ToString());
        var after = PerfGateProcess.Run(dir.Path, "history", "detect", store);
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Contains("acknowledged     Sample.Parse time", after.Stdout);
    }

    [Theory]
    [InlineData("history detect nowhere", "nowhere: no such history store")]
    [InlineData("history add missing.json --to store", "missing.json")]
    [InlineData("history detect store --recent 0", "--recent: is 0; it must be at least 1")]
    [InlineData("history ack store --benchmark X --commit zz", "is not a commit hash")]
    [InlineData("history ack store --benchmark X --commit abcd --metric speed", "\"speed\" is not a metric")]
    [InlineData("history report store --output page --repository-url javascript:alert(1)", "is not an http(s) address")]
    [InlineData("history add run.json --to git:--exec=x", "is not a usable branch name")]
    public void BadInputIsOneLineAndExitCodeTwo(string command, string expected)
    {
        using var dir = new TempDir();
        File.Copy(Nightlies(dir)[0], dir.File("run.json"));
        Assert.Equal(0, PerfGateProcess.Run(dir.Path, "history", "add", "run.json", "--to", "store").ExitCode);
        var outcome = PerfGateProcess.Run(dir.Path, command.Split(' '));
        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains(expected, outcome.Stderr);
        Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
