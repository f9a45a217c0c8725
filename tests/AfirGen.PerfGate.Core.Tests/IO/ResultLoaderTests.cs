using System.Text;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Tests.IO;

public sealed class ResultLoaderTests
{
    [Fact]
    public void ResultsFileIsDetectedByContentNotName()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "something-report-full.json");
        AtomicFile.WriteAllText(path, ResultsJson.Serialize(TestData.Everything()));

        Assert.Equal(TestData.Everything(), ResultLoader.Load(path));
    }

    [Fact]
    public void BenchmarkDotNetFileIsDetectedByContentNotName()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "baseline.json");
        File.Copy(TestData.Path("bdn", "StringBench-report-full-compressed.json"), path);

        Assert.Equal(BenchmarkDotNetReader.Read(path), ResultLoader.Load(path));
    }

    [Fact]
    public void DirectoryIsReadAsBenchmarkDotNetResults()
    {
        Assert.Equal(3, ResultLoader.Load(TestData.Path("bdn")).Benchmarks.Count);
    }

    [Fact]
    public void PerfgateOutputFolderLoadsItsResultsFile()
    {
        using var dir = new TempDirectory();
        AtomicFile.WriteAllText(Path.Combine(dir.Path, ResultLoader.ResultsFileName), ResultsJson.Serialize(TestData.Everything()));

        Assert.Equal(TestData.Everything(), ResultLoader.Load(dir.Path));
    }

    [Fact]
    public void OtherJsonIsInputExceptionNamingBothFormats()
    {
        var e = Assert.Throws<InputException>(() => ResultLoader.Load(TestData.Path("malformed", "unknown-format.json")));

        Assert.Contains("perfgate/results@1", e.Message);
        Assert.Contains("BenchmarkDotNet", e.Message);
    }

    [Fact]
    public void MissingPathIsInputException()
    {
        var e = Assert.Throws<InputException>(() => ResultLoader.Load("/nonexistent/results.json"));

        Assert.Contains("not found", e.Message);
    }

    [Fact]
    public void AnOutputFolderKeepsTheExactTextOfAResultsFileReadUnchanged()
    {
        using var dir = new TempDirectory();
        // Written by hand: compact, keys in another order, a byte-order mark. Still the same results once read.
        var compact = System.Text.Json.Nodes.JsonNode.Parse(ResultsJson.Serialize(TestData.Everything()))!.ToJsonString();
        var path = Path.Combine(dir.Path, "current.json");
        File.WriteAllBytes(path, [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(compact)]);

        var current = ResultLoader.Load(path);
        ReportFolder.Write(Path.Combine(dir.Path, "out"), SuiteComparer.Compare(null, current, PerfGateConfig.Default));

        var written = File.ReadAllBytes(Path.Combine(dir.Path, "out", ResultLoader.ResultsFileName));
        Assert.Equal(Encoding.UTF8.GetBytes(compact), written);
        Assert.Equal(TestData.Everything(), ResultLoader.Load(Path.Combine(dir.Path, "out")));
    }

    [Fact]
    public void AChangedCopyOfLoadedResultsIsWrittenAfresh()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "current.json");
        AtomicFile.WriteAllText(path, ResultsJson.Serialize(TestData.Everything()));

        var changed = ResultLoader.Load(path) with { Incomplete = false, Benchmarks = TestData.Everything().Benchmarks.Take(1).ToList() };
        ReportFolder.Write(Path.Combine(dir.Path, "out"), SuiteComparer.Compare(null, changed, PerfGateConfig.Default));

        Assert.Equal(ResultsJson.Serialize(changed), File.ReadAllText(Path.Combine(dir.Path, "out", ResultLoader.ResultsFileName)));
        Assert.Equal(changed, ResultLoader.Load(Path.Combine(dir.Path, "out")));
    }
}
