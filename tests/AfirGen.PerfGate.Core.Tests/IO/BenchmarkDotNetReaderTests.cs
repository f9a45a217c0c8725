using System.Text.Json;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Tests.IO;

public sealed class BenchmarkDotNetReaderTests
{
    private static readonly string Full = TestData.Path("bdn", "StringBench-report-full.json");
    private static readonly string Compressed = TestData.Path("bdn", "StringBench-report-full-compressed.json");
    private static readonly string Brief = TestData.Path("bdn", "StringBench-report-brief.json");

    [Fact]
    public void FullAndCompressedExportsReadToTheSameResultSet()
    {
        Assert.Equal(BenchmarkDotNetReader.Read(Full), BenchmarkDotNetReader.Read(Compressed));
        Assert.Equal(
            BenchmarkDotNetReader.Read(TestData.Path("bdn", "MathBench-report-full.json")),
            BenchmarkDotNetReader.Read(TestData.Path("bdn", "MathBench-report-full-compressed.json")));
    }

    [Fact]
    public void LaunchesAndSamplesMatchTheWorkloadResultMeasurementsInTheFile()
    {
        // Workload/Result: the overhead-corrected iterations BenchmarkDotNet's own statistics use.
        var results = BenchmarkDotNetReader.Read(Full);
        using var document = JsonDocument.Parse(File.ReadAllBytes(Full));

        var fileBenchmarks = document.RootElement.GetProperty("Benchmarks").EnumerateArray().ToList();
        Assert.Equal(fileBenchmarks.Count, results.Benchmarks.Count);
        foreach (var (file, read) in fileBenchmarks.Zip(results.Benchmarks))
        {
            var actual = file.GetProperty("Measurements").EnumerateArray()
                .Where(m => m.GetProperty("IterationMode").GetString() == "Workload" && m.GetProperty("IterationStage").GetString() == "Result")
                .ToList();
            Assert.NotEmpty(actual);
            Assert.Equal(file.GetProperty("FullName").GetString(), read.Id);
            Assert.Equal(actual.Select(m => m.GetProperty("LaunchIndex").GetInt32()).Distinct().Count(), read.Launches.Count);
            Assert.Equal(actual.Count, read.AllSamples.Count());
            var expected = actual.Select(m => m.GetProperty("Nanoseconds").GetDouble() / m.GetProperty("Operations").GetInt64());
            Assert.Equal(expected, read.AllSamples);
            Assert.Equal(file.GetProperty("Memory").GetProperty("BytesAllocatedPerOperation").GetInt64(), read.Memory!.AllocatedBytesPerOperation);
        }
    }

    [Theory]
    [InlineData("zero")]
    [InlineData("absent")]
    public void WorkloadActualIsKeptWhenTheResultStageIsZeroOrAbsent(string change)
    {
        // A benchmark that costs no more than the harness overhead has a zero Result; an older export has none.
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Full))!;
        var measurements = root["Benchmarks"]![0]!["Measurements"]!.AsArray();
        var results = measurements.Where(m => (string?)m!["IterationMode"] == "Workload" && (string?)m["IterationStage"] == "Result").ToList();
        Assert.NotEmpty(results);
        if (change == "zero")
        {
            results[0]!["Nanoseconds"] = 0;
        }
        else
        {
            foreach (var r in results)
            {
                measurements.Remove(r);
            }
        }

        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "X-report-full.json");
        File.WriteAllText(path, root.ToJsonString());
        var read = BenchmarkDotNetReader.Read(path).Benchmarks[0];
        var expected = measurements
            .Where(m => (string?)m!["IterationMode"] == "Workload" && (string?)m["IterationStage"] == "Actual")
            .Select(m => (double)m!["Nanoseconds"]! / (long)m["Operations"]!);
        Assert.Equal(expected, read.AllSamples);
    }

    [Fact]
    public void ShortRunFixtureHasTwoLaunchesOfFiveSamples()
    {
        var benchmark = BenchmarkDotNetReader.Read(Full).Benchmarks[0];

        Assert.Equal(2, benchmark.Launches.Count);
        Assert.All(benchmark.Launches, l => Assert.Equal(5, l.Samples.Count));
        Assert.Equal(BenchmarkStatus.Succeeded, benchmark.Status);
        Assert.Equal(Category.Micro, benchmark.Category);
    }

    [Fact]
    public void ParametersAndMemoryAreMapped()
    {
        var benchmark = BenchmarkDotNetReader.Read(Full).Benchmarks[0];

        Assert.Equal("StringBench.Concat(Size: 10)", benchmark.Id);
        Assert.Equal([new KeyValuePair<string, string>("Size", "10")], benchmark.Parameters);
        Assert.Equal(152, benchmark.Memory!.AllocatedBytesPerOperation);
        // 152 Gen0 collections over 16,777,216 operations, per 1,000 operations: what BenchmarkDotNet itself reports.
        Assert.Equal(152 * 1000.0 / 16777216, benchmark.Memory.Gen0PerThousand);
        Assert.Equal(0, benchmark.Memory.Gen1PerThousand);
    }

    [Fact]
    public void BenchmarkWithoutMemoryDiagnoserHasNoMemory()
    {
        var benchmark = BenchmarkDotNetReader.Read(TestData.Path("bdn", "MathBench-report-full.json")).Benchmarks.Single();

        Assert.Equal("MathBench.Sum", benchmark.Id);
        Assert.Empty(benchmark.Parameters);
        Assert.Null(benchmark.Memory);
    }

    [Fact]
    public void HostEnvironmentBecomesTheFingerprint()
    {
        var env = BenchmarkDotNetReader.Read(Full).Environment;

        Assert.Equal("Debian GNU/Linux 12 (bookworm)", env.Os);
        Assert.Equal("AMD EPYC", env.Cpu);
        Assert.Equal(2, env.Cores);
        Assert.Equal(".NET 10.0.12", env.Runtime);
        Assert.Equal("X64", env.Architecture);
    }

    [Fact]
    public void GcFlagsBecomeTheGcMode()
    {
        const string json = """
            {"HostEnvironmentInfo": {"HasServerGC": false, "HasConcurrentGC": true}, "Benchmarks": []}
            """;

        Assert.Equal("Workstation, Concurrent", BenchmarkDotNetReader.Parse(json, "gc.json").Environment.GcMode);
    }

    [Fact]
    public void BriefExportTakesSamplesFromOriginalValuesAsOneLaunch()
    {
        var results = BenchmarkDotNetReader.Read(Brief);
        using var document = JsonDocument.Parse(File.ReadAllBytes(Brief));

        var original = document.RootElement.GetProperty("Benchmarks")[0].GetProperty("Statistics").GetProperty("OriginalValues")
            .EnumerateArray().Select(v => v.GetDouble());
        var benchmark = results.Benchmarks[0];
        Assert.Single(benchmark.Launches);
        Assert.Equal(original, benchmark.AllSamples);
        Assert.Equal(152, benchmark.Memory!.AllocatedBytesPerOperation);
    }

    [Fact]
    public void BenchmarkWithoutMeasurementsOrStatisticsIsFailed()
    {
        const string json = """
            {"HostEnvironmentInfo": {}, "Benchmarks": [{"Type": "Sample", "Method": "Boom", "Parameters": "N=1&Mode=fast", "Statistics": null, "Measurements": []}]}
            """;

        var benchmark = BenchmarkDotNetReader.Parse(json, "failed.json").Benchmarks.Single();

        Assert.Equal(BenchmarkStatus.Failed, benchmark.Status);
        Assert.NotNull(benchmark.Error);
        Assert.Equal("Sample.Boom(N: 1, Mode: fast)", benchmark.Id);
    }

    [Fact]
    public void TitleStampBecomesCreatedAt()
    {
        var createdAt = BenchmarkDotNetReader.Read(Full).CreatedAt;

        Assert.Equal(new DateTime(2026, 11, 27, 2, 31, 51), createdAt.DateTime);
    }

    [Fact]
    public void DirectoryReadsEachRunOnceAndMergesRuns()
    {
        var results = BenchmarkDotNetReader.ReadDirectory(TestData.Path("bdn"));

        Assert.Equal(["MathBench.Sum", "StringBench.Concat(Size: 10)", "StringBench.Concat(Size: 100)"], results.Benchmarks.Select(b => b.Id));
        // The full export wins over the brief one of the same run: it has the launches.
        Assert.Equal(2, results.Benchmarks[1].Launches.Count);
    }

    [Fact]
    public void DuplicateIdAcrossFilesNamesBothFiles()
    {
        using var dir = new TempDirectory();
        File.Copy(Full, Path.Combine(dir.Path, "A-report-full.json"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "nested"));
        File.Copy(Compressed, Path.Combine(dir.Path, "nested", "B-report-full-compressed.json"));

        var e = Assert.Throws<InputException>(() => BenchmarkDotNetReader.ReadDirectory(dir.Path));

        Assert.Contains("A-report-full.json", e.Message);
        Assert.Contains("B-report-full-compressed.json", e.Message);
        Assert.Contains("StringBench.Concat(Size: 10)", e.Message);
    }

    [Fact]
    public void DirectoryWithoutReportsIsInputException()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "notes.json"), "{}");

        var e = Assert.Throws<InputException>(() => BenchmarkDotNetReader.ReadDirectory(dir.Path));

        Assert.Contains("no BenchmarkDotNet JSON reports", e.Message);
    }

    [Fact]
    public void MissingDirectoryIsInputException()
    {
        Assert.Throws<InputException>(() => BenchmarkDotNetReader.ReadDirectory("/nonexistent/BenchmarkDotNet.Artifacts"));
    }
    [Theory]
    [InlineData("Separator=&", "B.M(Separator: &)", new[] { "Separator", "&" })]
    [InlineData("Query=a=1&b=2", "B.M(Query: \\\"a=1&b=2\\\")", new[] { "Query", "a=1&b=2" })]
    [InlineData("Query=a=1&b=2&N=3", "B.M(Query: \\\"a=1&b=2\\\", N: 3)", new[] { "Query", "a=1&b=2", "N", "3" })]
    [InlineData("A=1&B=&", "B.M(A: 1, B: &)", new[] { "A", "1", "B", "&" })]
    [InlineData("A=x&&B=2", "B.M(A: x&, B: 2)", new[] { "A", "x&", "B", "2" })]
    [InlineData("N=1&N=2", "B.M", new[] { "N", "1&N=2" })]
    [InlineData("Text=&=&", null, new[] { "Text", "&=&" })]
    [InlineData("A=1&b=2", null, new[] { "A", "1", "b", "2" })]
    public void ParameterValuesMayHoldTheSeparatorsBenchmarkDotNetDoesNotEscape(string parameters, string? fullName, string[] expected)
    {
        var name = fullName is null ? "" : $"\"FullName\": \"{fullName}\", ";
        var json = $$"""{"HostEnvironmentInfo": {}, "Benchmarks": [{{{name}}"Type": "B", "Method": "M", "Parameters": "{{parameters}}"}]}""";

        var benchmark = BenchmarkDotNetReader.Parse(json, "params.json").Benchmarks.Single();

        Assert.Equal(expected, benchmark.Parameters.SelectMany(p => new[] { p.Key, p.Value }));
        var read = ResultsJson.Parse(ResultsJson.Serialize(new ResultSet { Benchmarks = [benchmark] }), "r.json").Benchmarks.Single();
        Assert.Equal(benchmark.Id, read.Id);
        Assert.Equal(benchmark.Parameters, read.Parameters);
    }

    [Theory]
    [InlineData("&")]
    [InlineData("=1")]
    [InlineData("1A=2")]
    [InlineData("no separator")]
    public void ParametersThatDoNotStartWithANameAreBadInput(string parameters)
    {
        var json = $$"""{"HostEnvironmentInfo": {}, "Benchmarks": [{"FullName": "B.M", "Parameters": "{{parameters}}"}]}""";

        var e = Assert.Throws<InputException>(() => BenchmarkDotNetReader.Parse(json, "params.json"));

        Assert.Contains("$.Benchmarks[0].Parameters", e.Message);
    }

    [Fact]
    public void LongNamesAreShortenedStablyAndKeptApartNotRefused()
    {
        var argument = new string('x', 3000);
        string Json(string tail) => $$"""
            {"HostEnvironmentInfo": {}, "Benchmarks": [
              {"FullName": "B.M(s: \"{{argument}}{{tail}}\")", "Parameters": "s={{argument}}{{tail}}"},
              {"FullName": "B.M(s: \"{{argument}}2\")", "Parameters": "s={{argument}}2"}]}
            """;

        var first = BenchmarkDotNetReader.Parse(Json("1"), "long.json").Benchmarks;
        var again = BenchmarkDotNetReader.Parse(Json("1"), "long.json").Benchmarks;

        Assert.All(first, b => Assert.Equal(1000, b.Id.Length));
        Assert.All(first, b => Assert.Equal(1000, b.Parameters.Single().Value.Length));
        Assert.StartsWith("B.M(s: \"xxx", first[0].Id, StringComparison.Ordinal);
        Assert.Contains("…#", first[0].Id, StringComparison.Ordinal);
        Assert.NotEqual(first[0].Id, first[1].Id);
        Assert.Equal(first.Select(b => b.Id), again.Select(b => b.Id));
        var roundTrip = ResultsJson.Parse(ResultsJson.Serialize(new ResultSet { Benchmarks = first }), "r.json");
        Assert.Equal(first.Select(b => b.Id), roundTrip.Benchmarks.Select(b => b.Id));
        Assert.Equal(first.SelectMany(b => b.Parameters), roundTrip.Benchmarks.SelectMany(b => b.Parameters));
    }

    [Fact]
    public void ANameBeyondWhatAnyoneWritesIsBadInput()
    {
        var json = $$"""{"HostEnvironmentInfo": {}, "Benchmarks": [{"FullName": "{{new string('N', 70_000)}}"}]}""";

        var e = Assert.Throws<InputException>(() => BenchmarkDotNetReader.Parse(json, "huge.json"));

        Assert.Contains("$.Benchmarks[0].FullName", e.Message);
        Assert.Contains("70000 characters", e.Message);
    }

    [Fact]
    public void ABenchmarkUnderTheRunnersJobAndTheClassesOwnJobsIsAResultPerJob()
    {
        // A real export: [ShortRunJob] and [SimpleJob(id: "Tiny")] on the class, beside the command line's job.
        var set = BenchmarkDotNetReader.ReadDirectory(TestData.Path("bdn-jobs", "quick"), display => display.StartsWith("Job-", StringComparison.Ordinal));

        Assert.Equal(
            ["Shapes.Benchmarks.Jobs.Steady", "Shapes.Benchmarks.Jobs.Steady(Job: ShortRun)", "Shapes.Benchmarks.Jobs.Steady(Job: Tiny)"],
            set.Benchmarks.Select(b => b.Id).Order(StringComparer.Ordinal));
        Assert.Empty(set.Benchmarks.Single(b => b.Id == "Shapes.Benchmarks.Jobs.Steady").Parameters);
        Assert.Equal([KeyValuePair.Create("Job", "ShortRun")], set.Benchmarks.Single(b => b.Id.EndsWith("ShortRun)", StringComparison.Ordinal)).Parameters);
        // ShortRun ran 3 iterations, the command line's job 10 (less BenchmarkDotNet's upper outliers).
        Assert.Equal(3, set.Benchmarks.Single(b => b.Id.EndsWith("ShortRun)", StringComparison.Ordinal)).AllSamples.Count());
        Assert.InRange(set.Benchmarks.Single(b => b.Id == "Shapes.Benchmarks.Jobs.Steady").AllSamples.Count(), 5, 10);
    }

    [Fact]
    public void WithoutTheRunnersJobEveryJobIsNamedAndAGeneratedJobIdByItsCharacteristics()
    {
        var quick = BenchmarkDotNetReader.ReadDirectory(TestData.Path("bdn-jobs", "quick"));
        Assert.Contains("Shapes.Benchmarks.Jobs.Steady(Job: Toolchain=InProcessEmitToolchain, IterationCount=10, IterationTime=100ms, WarmupCount=3)",
            quick.Benchmarks.Select(b => b.Id));
        Assert.Equal(3, quick.Benchmarks.Count(b => b.Parameters.Any(p => p.Key == "Job")));

        // BenchmarkDotNet's default job gives way to the class's own jobs: two results, both named by their job.
        var own = BenchmarkDotNetReader.ReadDirectory(TestData.Path("bdn-jobs", "default"), display => display == "DefaultJob");
        Assert.Equal(["Shapes.Benchmarks.Jobs.Steady(Job: ShortRun)", "Shapes.Benchmarks.Jobs.Steady(Job: Tiny)"], own.Benchmarks.Select(b => b.Id).Order(StringComparer.Ordinal));
        var roundTrip = ResultsJson.Parse(ResultsJson.Serialize(own), "r.json");
        Assert.Equal(own.Benchmarks.Select(b => b.Id), roundTrip.Benchmarks.Select(b => b.Id));
    }

    [Fact]
    public void JobsAreReadFromTheDisplayWhateverTheParametersAndAJobWithoutANameStaysADuplicate()
    {
        static string Case(string display, string parameters) => $$$"""
            {"DisplayInfo": "{{{display}}}", "Type": "B", "MethodTitle": "M", "FullName": "N.B.M{{{(parameters.Length > 0 ? "(X: 1)" : "")}}}", "Parameters": "{{{parameters}}}",
             "Statistics": {"OriginalValues": [1.0, 2.0]}}
            """;
        var json = $$"""
            {"HostEnvironmentInfo": {}, "Benchmarks": [
              {{Case("B.M: Dry(IterationCount=1, LaunchCount=1, RunStrategy=ColdStart, UnrollFactor=1, WarmupCount=1) [X=1]", "X=1")}},
              {{Case("B.M: Job-ABCDEF(Runtime=.NET 10.0) [X=1]", "X=1")}},
              {{Case("B.M: MediumRun(IterationCount=15, LaunchCount=2, WarmupCount=10)", "")}},
              {{Case("B.M: LongRun(IterationCount=100, LaunchCount=3, WarmupCount=15)", "")}}]}
            """;

        var ids = BenchmarkDotNetReader.Parse(json, "jobs.json").Benchmarks.Select(b => b.Id).ToList();

        Assert.Equal(["N.B.M(X: 1, Job: Dry)", "N.B.M(X: 1, Job: Runtime=.NET 10.0)", "N.B.M(Job: MediumRun)", "N.B.M(Job: LongRun)"], ids);
        var unnamed = json.Replace("B.M: MediumRun(IterationCount=15, LaunchCount=2, WarmupCount=10)", "", StringComparison.Ordinal)
            .Replace("B.M: LongRun(IterationCount=100, LaunchCount=3, WarmupCount=15)", "", StringComparison.Ordinal);
        var e = Assert.Throws<InputException>(() => BenchmarkDotNetReader.Parse(unnamed, "jobs.json"));
        Assert.Contains("$.Benchmarks[3].FullName: duplicate benchmark id \"N.B.M\"", e.Message);
    }
}
