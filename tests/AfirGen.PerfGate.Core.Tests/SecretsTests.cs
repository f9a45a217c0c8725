using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Tests;

public sealed class SecretsTests
{
    [Theory]
    [InlineData("cannot connect to redis://:hunter2@127.0.0.1:1", "cannot connect to redis://:***@127.0.0.1:1")]
    [InlineData("mysql://root:hunter2@db/app refused", "mysql://root:***@db/app refused")]
    [InlineData("Server=127.0.0.1;User ID=app;Password=hunter2;Database=fir", "Server=127.0.0.1;User ID=app;Password=***;Database=fir")]
    [InlineData("127.0.0.1:6379,password=hunter2,abortConnect=false", "127.0.0.1:6379,password=***,abortConnect=false")]
    [InlineData("Pwd='hun;ter2'; Server=x", "Pwd=***; Server=x")]
    [InlineData("GET /x?api_key=hunter2&page=2", "GET /x?api_key=***&page=2")]
    [InlineData("PERFGATE_MYSQL is not set", "PERFGATE_MYSQL is not set")]
    public void CredentialsAreRedacted(string text, string expected) => Assert.Equal(expected, Secrets.Redact(text));

    [Fact]
    public void ASkipReasonOrErrorNeverCarriesItsPasswordIntoAnyFile()
    {
        using var dir = new IO.TempDirectory();
        var current = new ResultSet
        {
            CreatedAt = DateTimeOffset.UnixEpoch,
            Benchmarks = [new BenchmarkResult { Id = "cache/get@c1", Category = Category.Cache, Status = BenchmarkStatus.Failed, Error = "no route to redis://:hunter2@10.0.0.1:6379" }],
            Skipped = [new SkippedScenario("cache/set", "cannot connect to redis://:hunter2@127.0.0.1:1")],
        };

        ReportFolder.Write(dir.Path, SuiteComparer.Compare(null, current, PerfGateConfig.Default));

        foreach (var file in Directory.GetFiles(dir.Path))
        {
            Assert.DoesNotContain("hunter2", File.ReadAllText(file), StringComparison.Ordinal);
        }

        Assert.Contains("redis://:***@127.0.0.1:1", File.ReadAllText(Path.Combine(dir.Path, "summary.txt")), StringComparison.Ordinal);
    }
}
