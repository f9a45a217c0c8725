using System.Globalization;
using System.Text;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Tests.IO;

public sealed class ResultsJsonTests
{
    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    [InlineData("ru-RU")]
    public void RoundTripKeepsEverySampleBitExact(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var original = TestData.Everything();

            var json = ResultsJson.Serialize(original);
            var back = ResultsJson.Parse(json, "roundtrip.json");

            Assert.Equal(original, back);
            var expected = original.Benchmarks.SelectMany(b => b.AllSamples).Select(BitConverter.DoubleToInt64Bits);
            var actual = back.Benchmarks.SelectMany(b => b.AllSamples).Select(BitConverter.DoubleToInt64Bits);
            Assert.Equal(expected, actual);
            Assert.Equal(original.CreatedAt.UtcTicks, back.CreatedAt.UtcTicks);
            Assert.Equal(original.CreatedAt.Offset, back.CreatedAt.Offset);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void OutputIsTheSameUnderEveryCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var invariant = ResultsJson.Serialize(TestData.Everything());
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var german = ResultsJson.Serialize(TestData.Everything());

            Assert.Equal(invariant, german);
            Assert.Contains("0.1,", invariant);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void OutputIsIndentedWithLowercaseEnumsAndSortedErrorClasses()
    {
        var json = ResultsJson.Serialize(TestData.Everything());

        Assert.StartsWith("{\n  \"schema\": \"perfgate/results@1\",\n  \"createdAt\": ", json);
        Assert.Contains("\"category\": \"micro\"", json);
        Assert.Contains("\"category\": \"api\"", json);
        Assert.Contains("\"status\": \"failed\"", json);
        Assert.Contains("Sample.Parse<T>", json);
        Assert.True(json.IndexOf("http-status", StringComparison.Ordinal) < json.IndexOf("timeout", StringComparison.Ordinal));
        Assert.DoesNotContain("\r", json);
        Assert.EndsWith("}\n", json);
    }

    [Fact]
    public void WriteProducesTheSameBytesAsSerialize()
    {
        using var stream = new MemoryStream();

        ResultsJson.Write(TestData.Everything(), stream);

        Assert.Equal(ResultsJson.Serialize(TestData.Everything()), Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void NonFiniteSampleIsRefusedOnWrite()
    {
        var results = new ResultSet { Benchmarks = [new BenchmarkResult { Id = "x", Launches = [new Launch([1, double.NaN])] }] };

        var e = Assert.Throws<ArgumentException>(() => ResultsJson.Serialize(results));

        Assert.Contains("\"x\"", e.Message);
    }

    [Fact]
    public void ReadFromFileMatchesParse()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"perfgate-{Guid.NewGuid():N}.json");
        try
        {
            AtomicFile.Write(path, s => ResultsJson.Write(TestData.Everything(), s));

            Assert.Equal(TestData.Everything(), ResultsJson.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WrongSchemaSaysWhichWasFoundAndWhichIsSupported()
    {
        var json = ResultsJson.Serialize(TestData.Everything()).Replace("perfgate/results@1", "perfgate/results@7");

        var e = Assert.Throws<InputException>(() => ResultsJson.Parse(json, "old.json"));

        Assert.Equal("old.json: $.schema: schema \"perfgate/results@7\" is not supported; this version reads \"perfgate/results@1\"", e.Message);
    }

    [Fact]
    public void DuplicateIdIsBlamedOnTheSecondAndNamesTheFirst()
    {
        var set = TestData.Everything();
        var first = set.Benchmarks[0];
        var json = ResultsJson.Serialize(set with { Benchmarks = [first, set.Benchmarks[1], first] });

        var e = Assert.Throws<InputException>(() => ResultsJson.Parse(json, "r.json"));

        Assert.Equal("$.benchmarks[2].id", e.Field);
        Assert.Equal($"r.json: $.benchmarks[2].id: duplicate benchmark id \"{first.Id}\" (first at $.benchmarks[0])", e.Message);
    }

    [Fact]
    public void NanSampleNamesFileAndExactPath()
    {
        var json = ResultsJson.Serialize(TestData.Everything()).Replace("3.141592653589793", "\"NaN\"");

        var e = Assert.Throws<InputException>(() => ResultsJson.Parse(json, "r.json"));

        Assert.Equal("$.benchmarks[0].launches[1].samples[2]", e.Field);
        Assert.StartsWith("r.json: $.benchmarks[0].launches[1].samples[2]: ", e.Message);
    }

    [Fact]
    public void TruncatedFileNamesFileLineAndThePathWhereItEnds()
    {
        var json = ResultsJson.Serialize(TestData.Everything());
        var cut = json.IndexOf("\"samples\": [", StringComparison.Ordinal) + "\"samples\": [0.1, ".Length;

        var e = Assert.Throws<InputException>(() => ResultsJson.Parse(json[..cut], "cut.json"));

        Assert.StartsWith("cut.json: $.benchmarks[0].launches[0].samples[1]: invalid JSON (line ", e.Message);
        Assert.IsType<System.Text.Json.JsonException>(e.InnerException, exactMatch: false);
    }

    [Fact]
    public void LoneSurrogateInTextIsInputException()
    {
        var e = Assert.Throws<InputException>(() => ResultsJson.Parse("{\"schema\": \"\uD800\"}", "s.json"));

        Assert.StartsWith("s.json: invalid text", e.Message);
    }

    [Fact]
    public void MissingFileIsInputException()
    {
        var e = Assert.Throws<InputException>(() => ResultsJson.Read("/nonexistent/results.json"));

        Assert.Equal("/nonexistent/results.json: file not found", e.Message);
    }

    [Fact]
    public void DirectoryWhereFileShouldBeIsInputException()
    {
        var e = Assert.Throws<InputException>(() => ResultsJson.Read(AppContext.BaseDirectory));

        Assert.Contains("is a directory", e.Message);
    }

    [Fact]
    public void BenchmarkDotNetFileIsNotAResultsFile()
    {
        var e = Assert.Throws<InputException>(() => ResultsJson.Read(TestData.Path("bdn", "MathBench-report-full.json")));

        Assert.Contains("missing \"schema\"", e.Message);
    }

    [Fact]
    public void SucceededMicroBenchmarkWithoutLaunchesIsRejected()
    {
        var results = new ResultSet { Benchmarks = [new BenchmarkResult { Id = "x" }] };

        var e = Assert.Throws<InputException>(() => ResultsJson.Parse(ResultsJson.Serialize(results), "r.json"));

        Assert.Equal("$.benchmarks[0].launches", e.Field);
    }

    [Fact]
    public void ByteOrderMarkIsAccepted()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"perfgate-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, ResultsJson.Serialize(TestData.Everything()), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

            Assert.Equal(TestData.Everything(), ResultsJson.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
