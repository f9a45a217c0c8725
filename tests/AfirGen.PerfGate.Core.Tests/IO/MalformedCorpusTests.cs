using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.IO;

namespace AfirGen.PerfGate.Tests.IO;

/// <summary>
/// The malformed-input guarantee at the reader level: every file of data/malformed is rejected with one
/// <see cref="InputException"/> line that names the file and the field data/malformed.tsv expects (data/README.md).
/// </summary>
public sealed class MalformedCorpusTests
{
    // The file path comes first in every message; beyond it a line stays short enough to read in a CI log.
    private const int MaxLineBeyondPath = 1000;

    // The manifest's mark for "some JSON path": where a truncated file ends depends on the cut.
    private const string AnyPath = "$*";

    private static readonly string Folder = TestData.Path("malformed");

    private static readonly Dictionary<string, (string Reader, string? Field)> Manifest = ReadManifest();

    public static TheoryData<string> Files() => new(Manifest.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void ManifestListsEveryCorpusFileAndNothingElse()
    {
        var files = Directory.GetFileSystemEntries(Folder).Select(f => Path.GetFileName(f)!).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(files.Except(Manifest.Keys));
        Assert.Empty(Manifest.Keys.Except(files));
    }

    [Fact]
    public void CorpusHasAtLeastTwoHundredFilesAcrossEveryReader()
    {
        Assert.True(Manifest.Count >= 200, $"{Manifest.Count} files");
        Assert.True(Manifest.Keys.Count(n => n.StartsWith("results-", StringComparison.Ordinal)) >= 50);
        Assert.True(Manifest.Keys.Count(n => n.StartsWith("baseline-", StringComparison.Ordinal)) >= 5);
        Assert.True(Manifest.Keys.Count(n => n.StartsWith("bdn-", StringComparison.Ordinal) && n.EndsWith("-report-full.json", StringComparison.Ordinal)) >= 30);
        Assert.True(Manifest.Keys.Count(n => n.StartsWith("bdn-", StringComparison.Ordinal) && n.EndsWith("-report-full-compressed.json", StringComparison.Ordinal)) >= 3);
        Assert.True(Manifest.Keys.Count(n => n.StartsWith("bdn-", StringComparison.Ordinal) && n.EndsWith("-report-brief.json", StringComparison.Ordinal)) >= 5);
        Assert.True(Manifest.Keys.Count(n => n.StartsWith("config-threshold-", StringComparison.Ordinal)) >= 20);
        Assert.True(Manifest.Keys.Count(n => n.StartsWith("config-", StringComparison.Ordinal)) >= 50);
    }

    [Theory]
    [InlineData("results.json")]
    [InlineData("bdn-report-full.json")]
    [InlineData("bdn-report-brief.json")]
    public void ControlResultsFileIsValid(string name)
    {
        // Every corpus file is one of these with one thing broken, so each is rejected for the reason its name gives.
        var set = ResultLoader.Load(TestData.Path("malformed-controls", name));

        Assert.Equal(2, set.Benchmarks.Count);
    }

    [Fact]
    public void ControlConfigIsValid()
    {
        var config = ConfigReader.Read(TestData.Path("malformed-controls", "perfgate.json"));

        Assert.Equal(3, config.Scenarios.Scenarios.Count);
        Assert.NotNull(config.Target);
    }

    [Theory]
    [InlineData("results.json")]
    [InlineData("bdn-report-full.json")]
    [InlineData("bdn-report-brief.json")]
    [InlineData("perfgate.json")]
    public void TruncatedAtEveryOffsetIsAnInputErrorNamingAPath(string name)
    {
        var control = File.ReadAllBytes(TestData.Path("malformed-controls", name)).AsSpan().TrimEnd("\n"u8).ToArray();
        for (var length = 0; length < control.Length; length++)
        {
            var e = Assert.Throws<InputException>(() => Read(name, control.AsMemory(0, length)));
            Assert.True(length == 0 ? e.Field is null : e.Field?.StartsWith('$') == true, $"cut at {length}: {e.Message}");
        }
    }

    [Theory]
    [InlineData("results.json")]
    [InlineData("bdn-report-full.json")]
    [InlineData("bdn-report-brief.json")]
    [InlineData("perfgate.json")]
    public void NoSingleByteChangeEscapesAsAnythingButAnInputError(string name)
    {
        // Each byte in turn replaced by bytes that break the grammar, the encoding, a number or a string.
        var control = File.ReadAllBytes(TestData.Path("malformed-controls", name));
        var failures = new List<string>();
        foreach (var replacement in "\"[:-e\\"u8.ToArray().Append((byte)0xFF))
        {
            for (var i = 0; i < control.Length; i++)
            {
                var changed = (byte[])control.Clone();
                changed[i] = replacement;
                try
                {
                    Read(name, changed);
                }
                catch (InputException e) when (!e.Message.Contains('\n', StringComparison.Ordinal))
                {
                }
#pragma warning disable CA1031 // Collecting every escape gives one readable failure instead of the first.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failures.Add($"byte {i} = 0x{replacement:X2}: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        Assert.Empty(failures.Take(10));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void MalformedFileGivesOneLineNamingFileAndField(string name)
    {
        var path = Path.Combine(Folder, name);
        var (reader, expected) = Manifest[name];

        var e = Assert.Throws<InputException>(() => reader == "config" ? ConfigReader.Read(path) : ResultLoader.Load(path));

        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain('\r', e.Message);
        Assert.False(e.Message.Any(char.IsControl), "a control character from the file reaches the terminal");
        Assert.StartsWith(path, e.Message, StringComparison.Ordinal);
        Assert.Equal(path, e.File);
        Assert.True(e.Message.Length <= path.Length + MaxLineBeyondPath, $"{e.Message.Length} characters");
        if (expected == AnyPath)
        {
            Assert.StartsWith("$", e.Field, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(expected, e.Field);
        }

        if (e.Field is not null)
        {
            Assert.Contains($"{path}: {e.Field}: ", e.Message, StringComparison.Ordinal);
        }
    }

    private static object Read(string name, ReadOnlyMemory<byte> bytes)
    {
        if (name == "perfgate.json")
        {
            return ConfigReader.Parse(bytes.Span, name);
        }

        using var document = JsonSource.Parse(bytes, name);
        var root = JsonCursor.Root(document, name);
        return name.StartsWith("bdn-", StringComparison.Ordinal) ? BenchmarkDotNetReport.Read(root) : ResultsJsonReader.Read(root);
    }

    private static Dictionary<string, (string, string?)> ReadManifest() =>
        File.ReadLines(TestData.Path("malformed.tsv"))
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .ToDictionary(f => f[0], f => (f[1], f[2] == "-" ? null : f[2]), StringComparer.Ordinal);
}
