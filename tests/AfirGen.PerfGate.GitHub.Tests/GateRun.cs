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

    public PerfGateProcess.Outcome Comment(FakeGitHub github, string? token = Canary, params string[] extra) =>
        Perfgate(github, token, null, ["comment", "--results", Current, "--baseline", Baseline, "--pr", "42", "--api-url", github.BaseUrl, .. extra]);

    /// <summary>Runs perfgate with <paramref name="args"/> as given, in the environment of a GitHub Actions step (none of this machine's own run's variables).</summary>
    public PerfGateProcess.Outcome Perfgate(FakeGitHub github, string? token, IDictionary<string, string>? environment, params string[] args)
    {
        _ = github;
        var env = new Dictionary<string, string>
        {
            ["GITHUB_STEP_SUMMARY"] = SummaryFile,
            ["GITHUB_OUTPUT"] = OutputFile,
            ["GITHUB_REPOSITORY"] = "afirgen/backend",
            ["GITHUB_TOKEN"] = token ?? "",
            ["GITHUB_ACTIONS"] = "true",
            ["PERFGATE_GITHUB_MAX_RETRY_DELAY_MS"] = "20",
            // When the tests themselves run in GitHub Actions, that run's event and ids must not leak in.
            ["GITHUB_EVENT_PATH"] = "",
            ["GITHUB_EVENT_NAME"] = "",
            ["GITHUB_SHA"] = "",
            ["GITHUB_RUN_ID"] = "",
            ["GITHUB_RUN_NUMBER"] = "",
            ["GITHUB_RUN_ATTEMPT"] = "",
            ["GITHUB_WORKSPACE"] = "",
            ["GITHUB_API_URL"] = "",
        };
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            env[k] = v;
        }

        return PerfGateProcess.Run(dir.Path, env, args);
    }

    /// <summary>Starts the same as <see cref="Perfgate"/> without waiting, to race two runs.</summary>
    public System.Diagnostics.Process Start(params string[] args) => PerfGateProcess.Start(dir.Path, new Dictionary<string, string>
    {
        ["GITHUB_REPOSITORY"] = "afirgen/backend",
        ["GITHUB_TOKEN"] = Canary,
        ["PERFGATE_GITHUB_MAX_RETRY_DELAY_MS"] = "20",
        ["GITHUB_EVENT_PATH"] = "",
        ["GITHUB_EVENT_NAME"] = "",
        ["GITHUB_SHA"] = "",
        ["GITHUB_RUN_ID"] = "",
        ["GITHUB_WORKSPACE"] = "",
        ["GITHUB_STEP_SUMMARY"] = "",
        ["GITHUB_OUTPUT"] = "",
    }, args);

    public void Dispose() => dir.Dispose();
}
