using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.Runner.Tests;

/// <summary>
/// `perfgate ab` on tests/ab-shapes: a benchmark project that references a library project and holds one benchmark of
/// each shape BenchmarkDotNet users write. The head revision makes the library's Changing code slower.
/// </summary>
public sealed class AbShapesTests
{
    private static readonly string Shapes = Path.Combine(RepositoryRoot(), "tests", "ab-shapes");

    [Fact]
    public void EveryShapeIsComparedAndOnlyTheSlowedOnesRegress()
    {
        using var dir = new TempDir();
        CopyDirectory(Shapes, dir.Path);
        File.WriteAllText(dir.File(".gitignore"), "bin/\nobj/\nperfgate-results/\n");
        BenchProject.Git(dir.Path, "init", "--quiet", "-b", "main");
        BenchProject.Git(dir.Path, "add", ".");
        BenchProject.Git(dir.Path, "commit", "--quiet", "-m", "base");
        var cost = dir.File("Shapes.Library/Cost.cs");
        // A slowdown the gate must see on a loaded CI machine in few worker rounds; bench/ab-calibration measures 10%.
        File.WriteAllText(cost, File.ReadAllText(cost).Replace("Percent = 100", "Percent = 140", StringComparison.Ordinal));
        BenchProject.Git(dir.Path, "commit", "--quiet", "-am", "head: the library's Changing code 40% slower");

        var cleanups = dir.File("cleanups.log");
        var r = PerfGateProcess.Run(dir.Path, new Dictionary<string, string> { ["SHAPES_CLEANUP_LOG"] = cleanups }, [], TimeSpan.FromMinutes(15),
            "ab", "--base", "HEAD~1", "--head", "HEAD", "--project", "Shapes.Benchmarks/Shapes.Benchmarks.csproj", "--workers", "6", "--pairs", "20", "--budget", "5m", "--rounds", "4");
        Assert.True(r.ExitCode == 1, r.ToString());
        // A ref or ref struct return cannot be called through a delegate: said once, and measured in alternating processes.
        Assert.Contains("2 benchmarks cannot be interleaved, so they were measured in 4 alternating rounds of BenchmarkDotNet processes instead: "
            + "Shapes.Benchmarks.Refs.Changing (it returns Int64&", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("Shapes.Benchmarks.Refs.Steady (it returns ReadOnlySpan`1", r.Stderr, StringComparison.Ordinal);
        // The run's own noise, said beside the verdicts.
        Assert.Matches(@"perfgate: noise in this run: a benchmark's rounds moved ±\d+\.\d% from one to the next \(the median of \d+ benchmarks\)", r.Stderr);

        var comparison = ComparisonReader.Read(dir.File("perfgate-results"));
        var expected = new[]
        {
            "Arguments.Changing(units: 20)", "Arguments.Changing(units: 40)", "Arguments.Steady(units: 30, label: \"thirty\")",
            "ArgumentsSource.Changing(text: \"short\")", "ArgumentsSource.Steady(units: 16, times: 2)", "ArgumentsSource.Steady(units: 32, times: 1)",
            "Async.Task", "Async.TaskOfT", "Async.ValueTask", "Async.ValueTaskOfT",
            "Generic<Int32>.Changing", "Generic<String>.Changing",
            "GlobalSetups.Changing", "GlobalSetups.Steady", "GlobalSetups.Untargeted",
            "IterationSetups.Changing", "Jobs.Steady",
            "Params.Changing(Units: 20)", "Params.Changing(Units: 40)",
            "ParamsAllValues.Changing(Twice: False, Mode: Short)", "ParamsAllValues.Changing(Twice: True, Mode: Long)",
            "ParamsSource.Steady(Units: 24)", "ParamsSource.Steady(Units: 48)",
            "Plain.Changing", "Plain.Steady", "Refs.Changing", "Refs.Steady", "Structs.Changing",
        }.Select(id => "Shapes.Benchmarks." + id);
        var ids = comparison.Benchmarks.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(expected, id => Assert.Contains(id, ids));
        Assert.Equal(31, comparison.Benchmarks.Count);
        var slowed = 0;
        var flagged = 0;
        foreach (var b in comparison.Benchmarks)
        {
            // Every case measured on both sides: none failed, skipped or new for its shape.
            Assert.True(b.Verdict is not (Verdict.Failed or Verdict.New or Verdict.Missing), $"{b.Id}: {b.Verdict} {b.Error}");
            var changing = b.Id.Contains(".Changing", StringComparison.Ordinal) || b.Id.EndsWith(".Async.TaskOfT", StringComparison.Ordinal)
                || b.Id.EndsWith(".Async.ValueTask", StringComparison.Ordinal);
            var time = b.Metrics.Single(m => m.Metric == ComparedMetric.Time);
            if (changing)
            {
                // On a loaded CI machine a slowed case may stay inconclusive within the budget, but never reads as faster or unchanged.
                slowed++;
                flagged += b.Verdict == Verdict.Regressed ? 1 : 0;
                Assert.True(b.Verdict == Verdict.Regressed || (b.Verdict == Verdict.Inconclusive && time.Ratio > 1), $"{b.Id} was slowed but came out {b.Verdict}\n{r.Stdout}");
            }
            else
            {
                Assert.True(b.Verdict is Verdict.Unchanged or Verdict.Inconclusive, $"{b.Id} did not change but came out {b.Verdict}\n{r.Stdout}");
            }
        }

        Assert.Equal(19, slowed);
        Assert.True(flagged >= 14, $"only {flagged} of {slowed} slowed cases came out regressed\n{r.Stdout}");

        // Each side ran each benchmark's own global cleanup once per worker round it was measured in: the targeted one
        // for Steady, the untargeted one for the others.
        var log = File.ReadAllLines(cleanups);
        int Rounds(string id) => ResultsJson.Read(dir.File("perfgate-results/results.json")).Benchmarks.Single(b => b.Id == "Shapes.Benchmarks.GlobalSetups." + id).Launches.Count;
        Assert.Equal(2 * Rounds("Steady"), log.Count(l => l == "cleanup Steady"));
        Assert.Equal(2 * (Rounds("Changing") + Rounds("Untargeted")), log.Count(l => l == "cleanup others"));
        var head = ResultsJson.Read(dir.File("perfgate-results/results.json"));
        Assert.All(head.Benchmarks, b => Assert.All(b.Launches, l => Assert.All(l.Samples.ToArray(), s => Assert.True(s > 0))));
    }

    [Fact]
    public void RunMeasuresTheShapesUnderTheJobsTheirClassesDeclare()
    {
        using var dir = new TempDir();
        CopyDirectory(Shapes, dir.Path);

        var r = PerfGateProcess.Run(dir.Path, new Dictionary<string, string>(), [], TimeSpan.FromMinutes(10),
            "run", "--project", "Shapes.Benchmarks/Shapes.Benchmarks.csproj", "--filter", "*.Jobs.*", "*.Refs.*", "*.Async.Task", "--launches", "1", "--out", "out");

        Assert.True(r.ExitCode == 0, r.ToString());
        var results = ResultsJson.Read(dir.File("out/results.json"));
        Assert.Equal(
            new[] { "Async.Task", "Jobs.Steady", "Jobs.Steady(Job: ShortRun)", "Jobs.Steady(Job: Tiny)", "Refs.Changing", "Refs.Steady" }.Select(id => "Shapes.Benchmarks." + id),
            results.Benchmarks.Select(b => b.Id).Order(StringComparer.Ordinal));
        Assert.All(results.Benchmarks, b => Assert.True(b.Status == Model.BenchmarkStatus.Succeeded, $"{b.Id}: {b.Error}"));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AfirGen.PerfGate.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("the repository root was not found above " + AppContext.BaseDirectory);
    }
}
