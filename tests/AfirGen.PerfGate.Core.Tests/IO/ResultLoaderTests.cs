using AfirGen.PerfGate.IO;

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
}
