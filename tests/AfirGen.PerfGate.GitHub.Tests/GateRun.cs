using AfirGen.PerfGate.Cli.Tests;

using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.GitHub.Tests;

/// <summary>A baseline and current results in a temp folder, and <c>perfgate comment</c> run on them as GitHub Actions would.</summary>
internal sealed class GateRun : IDisposable
{
    public const string Canary = "ghp_CANARY0123456789abcdefCANARY0123456789";

    private readonly TempDir dir = new();

    /// <summary>Three benchmarks; two of them 30% slower when <paramref name="regressing"/>; with <paramref name="inconclusive"/>, a fourth measured in one launch a side, 8% apart (too noisy to tell).</summary>
    public GateRun(bool regressing, bool inconclusive = false)
    {
        Baseline = Results.Write(dir.File("baseline.json"),
            [Results.Micro("Fir.Parse", 1, 1000), Results.Micro("Fir.Render", 2, 5000), Results.Micro("Cache.Get", 3, 200),
            .. inconclusive ? [Results.Micro("Fir.Validate", 4, 1000, launches: 1, iterations: 30)] : Array.Empty<Model.BenchmarkResult>()]);
        Current = Results.Write(dir.File("current.json"),
            [Results.Micro("Fir.Parse", 11, regressing ? 1300 : 1000), Results.Micro("Fir.Render", 12, regressing ? 6500 : 5000), Results.Micro("Cache.Get", 13, 200),
            .. inconclusive ? [Results.Micro("Fir.Validate", 14, 1080, launches: 1, iterations: 30)] : Array.Empty<Model.BenchmarkResult>()]);
        SummaryFile = dir.File("summary.md");
        OutputFile = dir.File("output.txt");
    }

    public string Baseline { get; }

    public string Current { get; }

    public string SummaryFile { get; }

    public string OutputFile { get; }

    public string Directory => dir.Path;

    public string Summary => File.Exists(SummaryFile) ? File.ReadAllText(SummaryFile) : "";

    public IReadOnlyDictionary<string, string> Outputs => File.Exists(OutputFile) ? OutputFileParser.Parse(File.ReadAllText(OutputFile)) : new Dictionary<string, string>();

    public PerfGateProcess.Outcome Comment(FakeGitHub github, string? token = Canary, params string[] extra)
    {
        var env = new Dictionary<string, string>
        {
            ["GITHUB_STEP_SUMMARY"] = SummaryFile,
            ["GITHUB_OUTPUT"] = OutputFile,
            ["GITHUB_REPOSITORY"] = "afirgen/backend",
            ["GITHUB_TOKEN"] = token ?? "",
            ["GITHUB_ACTIONS"] = "true",
            ["PERFGATE_GITHUB_MAX_RETRY_DELAY_MS"] = "20",
        };
        string[] args = ["comment", "--results", Current, "--baseline", Baseline, "--pr", "42", "--api-url", github.BaseUrl, .. extra];
        return PerfGateProcess.Run(dir.Path, env, args);
    }

    public void Dispose() => dir.Dispose();
}
