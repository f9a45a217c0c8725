using AfirGen.PerfGate.IO;

namespace AfirGen.PerfGate.Tests.IO;

public sealed class MalformedCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "data", "malformed");

    // The JSON path each file must be blamed on; files absent here are broken below the JSON level (bytes, emptiness).
    private static readonly Dictionary<string, string> ExpectedPaths = new()
    {
        ["results-truncated.json"] = "$",
        ["results-trailing-garbage.json"] = "$",
        ["results-not-an-object.json"] = "$",
        ["results-wrong-schema-version.json"] = "$.schema",
        ["results-missing-schema.json"] = "$",
        ["results-schema-not-string.json"] = "$.schema",
        ["results-nan-sample.json"] = "$.benchmarks[0].launches[0].samples[1]",
        ["results-infinity-sample.json"] = "$.benchmarks[0].launches[0].samples[1]",
        ["results-nan-literal-sample.json"] = "$",
        ["results-infinity-literal-sample.json"] = "$",
        ["results-overflow-sample.json"] = "$.benchmarks[0].launches[0].samples[1]",
        ["results-negative-sample.json"] = "$.benchmarks[0].launches[1].samples[0]",
        ["results-zero-sample.json"] = "$.benchmarks[0].launches[1].samples[1]",
        ["results-zero-latency-p95.json"] = "$.benchmarks[1].latency.p95",
        ["results-nan-launch-noise.json"] = "$.benchmarks[0].launchNoise",
        ["results-duplicate-id.json"] = "$.benchmarks[1].id",
        ["results-empty-id.json"] = "$.benchmarks[0].id",
        ["results-huge-id.json"] = "$.benchmarks[0].id",
        ["results-deep-nesting.json"] = "$",
        ["results-wrong-type-samples.json"] = "$.benchmarks[0].launches[0].samples",
        ["results-wrong-type-cores.json"] = "$.environment.cores",
        ["results-wrong-type-incomplete.json"] = "$.incomplete",
        ["results-missing-benchmarks.json"] = "$",
        ["results-missing-id.json"] = "$.benchmarks[0]",
        ["results-missing-created-at.json"] = "$",
        ["results-negative-allocated-bytes.json"] = "$.benchmarks[0].memory.allocatedBytesPerOperation",
        ["results-negative-requests.json"] = "$.benchmarks[1].scenario.requests",
        ["results-negative-error-count.json"] = "$.benchmarks[1].scenario.errors.timeout",
        ["results-fractional-latency-count.json"] = "$.benchmarks[1].latency.count",
        ["results-hit-rate-above-one.json"] = "$.benchmarks[1].scenario.hitRate",
        ["results-bad-histogram-base64.json"] = "$.benchmarks[1].scenario.histogram",
        ["results-unknown-property.json"] = "$.benchmarks[0].launchs",
        ["results-bad-category.json"] = "$.benchmarks[0].category",
        ["results-bad-created-at.json"] = "$.createdAt",
        ["results-empty-launch.json"] = "$.benchmarks[0].launches[0].samples",
        ["results-zero-cores.json"] = "$.environment.cores",
        ["results-duplicate-property.json"] = "$",
        ["unknown-format.json"] = "$",
        ["bdn-truncated-report-full.json"] = "$",
        ["bdn-truncated-report-full-compressed.json"] = "$",
        ["bdn-deep-nesting-report-full.json"] = "$",
        ["bdn-negative-nanoseconds-report-full.json"] = "$.Benchmarks[0].Measurements[2].Nanoseconds",
        ["bdn-zero-nanoseconds-report-full.json"] = "$.Benchmarks[0].Measurements[3].Nanoseconds",
        ["bdn-zero-operations-report-full.json"] = "$.Benchmarks[0].Measurements[1].Operations",
        ["bdn-infinity-nanoseconds-report-full.json"] = "$.Benchmarks[0].Measurements[1].Nanoseconds",
        ["bdn-wrong-type-launch-index-report-full.json"] = "$.Benchmarks[0].Measurements[1].LaunchIndex",
        ["bdn-missing-operations-report-full.json"] = "$.Benchmarks[0].Measurements[1]",
        ["bdn-benchmarks-not-array-report-full.json"] = "$.Benchmarks",
        ["bdn-duplicate-full-name-report-full.json"] = "$.Benchmarks[1].FullName",
        ["bdn-huge-full-name-report-full.json"] = "$.Benchmarks[0].FullName",
        ["bdn-empty-full-name-report-full.json"] = "$.Benchmarks[0].FullName",
        ["bdn-negative-allocated-bytes-report-full.json"] = "$.Benchmarks[0].Memory.BytesAllocatedPerOperation",
        ["bdn-zero-cores-report-full.json"] = "$.HostEnvironmentInfo.LogicalCoreCount",
        ["bdn-nan-original-value-report-brief.json"] = "$.Benchmarks[0].Statistics.OriginalValues[1]",
    };

    private static readonly string[] NoPath =
    [
        "results-empty.json", "results-whitespace-only.json", "results-invalid-utf8.json",
        "bdn-empty-report-full.json", "bdn-invalid-utf8-report-full.json",
    ];

    public static TheoryData<string> Files() => new(Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Fact]
    public void CorpusHasAtLeastThirtyFilesAcrossBothFormats()
    {
        var names = Directory.GetFiles(Folder).Select(Path.GetFileName).ToList();
        Assert.True(names.Count >= 30, $"{names.Count} files");
        Assert.Contains(names, n => n!.StartsWith("bdn-"));
        Assert.Contains(names, n => n!.StartsWith("results-"));
    }

    [Fact]
    public void EveryCorpusFileHasAnExpectation()
    {
        var unexpected = Directory.GetFiles(Folder).Select(f => Path.GetFileName(f)!)
            .Where(n => !ExpectedPaths.ContainsKey(n) && !NoPath.Contains(n)).ToList();
        Assert.True(unexpected.Count == 0, string.Join(", ", unexpected));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void MalformedFileGivesOneLineInputExceptionNamingFileAndPath(string name)
    {
        var path = Path.Combine(Folder, name);

        var e = Assert.Throws<InputException>(() => ResultLoader.Load(path));

        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain('\r', e.Message);
        Assert.Contains(name, e.Message);
        if (ExpectedPaths.TryGetValue(name, out var expected))
        {
            Assert.Equal(expected, e.Field);
            Assert.Contains(expected, e.Message);
        }
        else
        {
            Assert.Null(e.Field);
        }
    }
}
