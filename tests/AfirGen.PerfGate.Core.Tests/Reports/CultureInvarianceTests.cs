using System.Text;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Reports;
using AfirGen.PerfGate.Tests.Comparison;
using AfirGen.PerfGate.Tests.IO;

namespace AfirGen.PerfGate.Tests.Reports;

/// <summary>Every file PerfGate writes is the same bytes whatever the culture of the process (decimal comma, Turkish dotless i, Cyrillic).</summary>
public sealed class CultureInvarianceTests
{
    public static readonly TheoryData<string> Cultures = new() { "en-US", "de-DE", "ru-RU", "tr-TR" };

    [Theory]
    [MemberData(nameof(Cultures))]
    public void EveryOutputIsTheSameBytesAsUnderTheInvariantCulture(string culture)
    {
        var invariant = Outputs("");
        var local = Outputs(culture);

        Assert.Equal(invariant.Keys, local.Keys);
        foreach (var (name, bytes) in invariant)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(local[name]), $"{name} differs under {culture}");
        }
    }

    /// <summary>Everything written from one comparison made, read and rendered in <paramref name="culture"/>.</summary>
    private static Dictionary<string, byte[]> Outputs(string culture)
    {
        using var scope = new CultureScope(culture);
        using var dir = new TempDirectory();
        var outputs = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        // Ids with "i" and "I" (Turkish casing), fractional samples, allocation and a scenario: every number kind is written.
        var rng = new Random(7);
        var baseline = Make.Set(
            Make.Micro("Sample.Bench.Index(Size: 1.5)", rng, 1234.5678, 0.05, 4, 8, allocated: 1536),
            Make.Micro("Sample.Bench.ID_LIST", rng, 0.75, 0.1, 3, 5));
        var current = Make.Set(
            Make.Micro("Sample.Bench.Index(Size: 1.5)", rng, 1500.25, 0.05, 4, 8, allocated: 2048),
            Make.Micro("Sample.Bench.ID_LIST", rng, 0.7, 0.1, 3, 5));

        // Through files, as the CLI reads them: parsing must not depend on the culture either.
        using (var file = File.Create(Path.Combine(dir.Path, "b.json")))
        {
            ResultsJson.Write(baseline, file);
        }

        var readBack = ResultsJson.Read(Path.Combine(dir.Path, "b.json"));
        var comparison = SuiteComparer.Compare(readBack, current, PerfGateConfig.Default, new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));

        outputs["results.json"] = Encoding.UTF8.GetBytes(ResultsJson.Serialize(current));
        Baselines.Save(current, Path.Combine(dir.Path, "baseline.json"), PerfGateConfig.Default.Comparison);
        outputs["baseline.json"] = File.ReadAllBytes(Path.Combine(dir.Path, "baseline.json"));
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            outputs[format.FileName()] = Encoding.UTF8.GetBytes(ReportRenderer.Render(comparison, format));
            outputs[format.FileName() + " (sample)"] = Encoding.UTF8.GetBytes(ReportRenderer.Render(SampleComparison.Create(), format));
            outputs[format.ToName() + " parsed"] = [(byte)ReportFormats.Parse(format.ToName().ToUpperInvariant(), "test")];
        }

        ReportFolder.Write(Path.Combine(dir.Path, "out"), comparison);
        foreach (var file in Directory.GetFiles(Path.Combine(dir.Path, "out")).Order(StringComparer.Ordinal))
        {
            outputs["folder/" + Path.GetFileName(file)] = File.ReadAllBytes(file);
        }

        return outputs;
    }
}
