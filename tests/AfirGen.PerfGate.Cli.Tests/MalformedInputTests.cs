using AfirGen.PerfGate.Cli;
using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.Cli.Tests;

/// <summary>
/// The malformed-input guarantee at the command line: every file of the corpus, through every command that reads it,
/// exits with code 2, prints one line naming the file and the field, shows no stack trace and writes nothing.
/// </summary>
/// <remarks>
/// The commands run in this process through <see cref="PerfGateCommand.RunAsync"/>, which holds all of the tool's
/// error handling (Program.Main adds only Ctrl+C); a few files also go through the real process to prove it.
/// </remarks>
public sealed class MalformedInputTests
{
    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "data");
    private static readonly string Corpus = Path.Combine(Data, "malformed");
    private static readonly string Good = Path.Combine(Data, "malformed-controls", "results.json");
    private static readonly Dictionary<string, (string Reader, string? Field)> Manifest = ReadManifest();

    public static TheoryData<string> ResultsFiles() => Of("results");

    public static TheoryData<string> ConfigFiles() => Of("config");

    [Fact]
    public void CorpusIsCopiedBesideTheTests() => Assert.True(Manifest.Count >= 200, $"{Manifest.Count} files");

    [Theory]
    [MemberData(nameof(ResultsFiles))]
    public async Task MalformedResultsFileExitsTwoFromEveryCommandThatReadsResults(string name)
    {
        using var dir = new TempDir();
        var bad = Path.Combine(Corpus, name);
        var written = dir.File("written");
        foreach (var args in new[]
        {
            new[] { "compare", Good, bad, "--out", written },
            ["compare", bad, Good, "--out", written],
            ["report", bad, "--format", "markdown", "--output", written],
            ["report", Good, "--baseline", bad, "--format", "json", "--output", written],
            ["baseline", "save", bad, "--to", written],
            ["baseline", "show", bad],
            ["merge", Good, bad, "--output", written],
            ["comment", "--results", bad],
            ["comment", "--results", Good, "--baseline", bad],
            ["run", "--project", dir.File("Never.csproj"), "--baseline", bad, "--out", written],
            ["load", "http://127.0.0.1:9/", "-n", "1", "--baseline", bad, "--out", written],
        })
        {
            await AssertRejectedAsync(args, bad, Manifest[name].Field);
            Assert.False(Path.Exists(written), $"{args[0]} wrote {written} from bad input");
        }
    }

    [Theory]
    [MemberData(nameof(ConfigFiles))]
    public async Task MalformedConfigExitsTwoFromEveryCommandThatReadsIt(string name)
    {
        using var dir = new TempDir();
        var bad = Path.Combine(Corpus, name);
        var written = dir.File("written");
        foreach (var args in new[]
        {
            new[] { "compare", Good, Good, "--config", bad, "--out", written },
            ["report", Good, "--config", bad, "--output", written],
            ["baseline", "save", Good, "--config", bad, "--to", written],
            ["run", "--config", bad, "--out", written],
            ["ab", "--base", "HEAD", "--config", bad, "--out", written],
            ["load", "http://127.0.0.1:9/", "-n", "1", "--config", bad, "--out", written],
            ["comment", "--results", Good, "--config", bad],
        })
        {
            await AssertRejectedAsync(args, bad, Manifest[name].Field);
            Assert.False(Path.Exists(written), $"{args[0]} wrote {written} from a bad config");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("p95")]
    [InlineData("p95<")]
    [InlineData("p95<-1ms")]
    [InlineData("p95<NaNms")]
    [InlineData("p95<Infinityms")]
    [InlineData("p95<1e999ms")]
    [InlineData("p95<0ms")]
    [InlineData("p95<1e-999ms")]
    [InlineData("foo<1ms")]
    [InlineData("p95<1parsecs")]
    [InlineData("regression<5")]
    [InlineData("regression>5%")]
    [InlineData("p95<１００ms")]
    [InlineData("p95<١٠ms")]
    [InlineData("p95<1,5ms")]
    [InlineData("p95=100ms")]
    [InlineData("errors<1ms")]
    [InlineData("allocated<=1s")]
    [InlineData("5")]
    [InlineData("-5%")]
    [InlineData("NaN%")]
    [InlineData("p95<100ms\nmean<1ms")]
    public async Task MalformedThresholdOnTheCommandLineExitsTwoNamingTheOption(string expression)
    {
        using var dir = new TempDir();
        var written = dir.File("written");
        foreach (var args in new[]
        {
            new[] { "compare", Good, Good, "--threshold", expression, "--out", written },
            ["report", Good, "--threshold", "p95<1s", "--threshold", expression, "--output", written],
            ["load", "http://127.0.0.1:9/", "-n", "1", "--threshold", expression, "--out", written],
        })
        {
            await AssertRejectedAsync(args, "--threshold", field: null);
            Assert.False(Path.Exists(written), $"{args[0]} wrote {written} after a bad threshold");
        }
    }

    [Theory]
    [InlineData("compare {bad} {good}")]
    [InlineData("compare {good} {bad}")]
    [InlineData("compare {bad} {bad}")]
    [InlineData("merge {bad} {bad} --output {written}")]
    [InlineData("report {bad} --output {written}")]
    [InlineData("report {good} --baseline {bad} --output {written}")]
    [InlineData("baseline save {bad} --to {written}")]
    [InlineData("baseline show {bad}")]
    [InlineData("merge {good} {bad} --output {written}")]
    [InlineData("comment --results {bad}")]
    [InlineData("comment --results {good} --baseline {bad}")]
    [InlineData("run --project {dir}/Never.csproj --baseline {bad}")]
    [InlineData("compare {good} {good} --config {bad}")]
    [InlineData("report {good} --config {bad} --output {written}")]
    [InlineData("baseline save {good} --config {bad} --to {written}")]
    [InlineData("run --config {bad}")]
    [InlineData("ab --base HEAD --config {bad}")]
    [InlineData("load http://127.0.0.1:9/ -n 1 --config {bad}")]
    public async Task ADirectoryOrAMissingFileWhereAFileShouldBeExitsTwoNamingIt(string command)
    {
        using var dir = new TempDir();
        var written = dir.File("written");
        var empty = Directory.CreateDirectory(dir.File("empty-folder")).FullName;
        // A folder named like the file perfgate looks for inside an output folder.
        var nested = Directory.CreateDirectory(Path.Combine(dir.File("out-folder"), "results.json")).FullName;
        foreach (var bad in new[] { empty, nested, dir.File("missing.json"), Path.Combine(dir.File("missing-folder"), "results.json") })
        {
            var args = command.Replace("{bad}", bad, StringComparison.Ordinal).Replace("{good}", Good, StringComparison.Ordinal)
                .Replace("{written}", written, StringComparison.Ordinal).Replace("{dir}", dir.Path, StringComparison.Ordinal)
                .Split(' ');
            args = args[0] is "compare" or "run" or "ab" or "load" ? [.. args, "--out", written] : args;

            await AssertRejectedAsync(args, bad, field: null);
            Assert.False(Path.Exists(written), $"{command} wrote {written} from {bad}");
        }
    }

    [Fact]
    public async Task AbRefusesBenchmarkDotNetsDefaultJobSayingWhy()
    {
        using var dir = new TempDir();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await PerfGateCommand.RunAsync(["ab", "--base", "HEAD", "--project", dir.File("Never.csproj"), "--job", "default", "--out", dir.File("written")],
            stdout, stderr, CancellationToken.None);

        Assert.True(code == 2, stderr.ToString());
        Assert.StartsWith("perfgate: error: --job: ab measures with the quick job", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("+1.6%", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Path.Exists(dir.File("written")));
    }

    [Fact]
    public async Task AFolderOfExportsWithOneBrokenFileExitsTwoNamingThatFile()
    {
        using var dir = new TempDir();
        var folder = Directory.CreateDirectory(dir.File("exports")).FullName;
        File.Copy(Path.Combine(Data, "malformed-controls", "bdn-report-full.json"), Path.Combine(folder, "Good-report-full.json"));
        var broken = Path.Combine(folder, "Broken-report-full.json");
        File.Copy(Path.Combine(Corpus, "bdn-nanoseconds-nan-string-report-full.json"), broken);

        await AssertRejectedAsync(["compare", Good, folder, "--out", dir.File("written")], broken, "$.Benchmarks[0].Measurements[1].Nanoseconds");
        Assert.False(Path.Exists(dir.File("written")));
    }

    [Theory]
    [InlineData("results-truncated-at-00333.json")]
    [InlineData("results-huge-unknown-property-name-1mb.json")]
    [InlineData("bdn-nesting-100000-arrays-report-full.json")]
    [InlineData("bdn-invalid-utf8-ff-byte-report-full.json")]
    [InlineData("config-target-ready-bad-uri.json")]
    public void TheRealProcessGivesTheSameOneLine(string name)
    {
        using var dir = new TempDir();
        var bad = Path.Combine(Corpus, name);
        var (reader, field) = Manifest[name];
        string[] args = reader == "config" ? ["compare", Good, Good, "--config", bad] : ["compare", Good, bad];

        var r = PerfGateProcess.Run(dir.Path, args);

        Assert.True(r.ExitCode == 2, r.ToString());
        AssertOneLine(r.Stderr, bad, field);
        Assert.Empty(r.Stdout);
        Assert.False(Directory.Exists(dir.File("perfgate-results")), "nothing is written from bad input");
    }

    private static async Task AssertRejectedAsync(string[] args, string names, string? field)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await PerfGateCommand.RunAsync(args, stdout, stderr, CancellationToken.None);

        var what = $"perfgate {string.Join(' ', args.Select(a => a.Length > 120 ? a[..120] + "…" : a))}";
        Assert.True(code == 2, $"{what}: exit {code}\n{stderr}");
        AssertOneLine(stderr.ToString(), names, field, what);
        Assert.True(stdout.ToString().Length == 0, $"{what}: printed a partial result: {stdout}");
    }

    private static void AssertOneLine(string stderr, string names, string? field, string what = "")
    {
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("perfgate: error: ", line, StringComparison.Ordinal);
        Assert.True(line.Contains(names, StringComparison.Ordinal), $"{what}: the line does not name {names}: {line}");
        // "$*" in the manifest stands for any JSON path (a truncated file ends wherever it was cut).
        var named = field == "$*" ? $"{names}: $" : $"{names}: {field}: ";
        if (field is not null)
        {
            Assert.True(line.Contains(named, StringComparison.Ordinal), $"{what}: the line does not name {field}: {line}");
        }

        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", stderr, StringComparison.Ordinal);
    }

    private static TheoryData<string> Of(string reader) =>
        new(Manifest.Where(m => m.Value.Reader == reader).Select(m => m.Key).Order(StringComparer.Ordinal));

    private static Dictionary<string, (string, string?)> ReadManifest() =>
        File.ReadLines(Path.Combine(Data, "malformed.tsv"))
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .ToDictionary(f => f[0], f => (f[1], f[2] == "-" ? null : f[2]), StringComparer.Ordinal);
}
