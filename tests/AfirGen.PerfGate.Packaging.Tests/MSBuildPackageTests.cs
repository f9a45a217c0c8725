namespace AfirGen.PerfGate.Packaging.Tests;

/// <summary>The MSBuild package as a user gets it: restored from the packed .nupkg, run by the real `dotnet build`.</summary>
[Collection(PackedPackages.Name)]
public sealed class MSBuildPackageTests(PackageFeed feed)
{
    private const string SkippedLine = "Skipping target \"PerfGate\" because all output files are up-to-date";

    [Fact]
    public void RegressedResultsFailTheBuildWithPerf0001AtTheBenchmarkMethod()
    {
        var project = new BenchProject(feed, "regressed");
        project.WriteBaselineAndCurrent(120);

        var build = project.Build(["-p:PerfGateEnabled=true", .. BenchProject.Inputs]);

        Assert.True(build.ExitCode != 0, build.ToString());
        var error = Assert.Single(build.Lines("error PERF0001").Distinct());
        Assert.Contains($"{project.SuiteFile}({BenchProject.ParseLine},", error, StringComparison.Ordinal);
        Assert.Matches(@"error PERF0001: Bench\.Suite\.Parse regressed \+2\d\.\d% \[\+\d+\.\d%, \+\d+\.\d%\] \(p[<=]0\.\d+\)", error);

        // A failed gate leaves no stamp: the next build with nothing changed fails again rather than passing by skipping.
        var again = project.Build(["--no-restore", "-p:PerfGateEnabled=true", .. BenchProject.Inputs]);
        Assert.True(again.ExitCode != 0, again.ToString());
        Assert.NotEmpty(again.Lines("error PERF0001"));
    }

    [Fact]
    public void UnchangedResultsPassAndASecondBuildSkipsTheGate()
    {
        var project = new BenchProject(feed, "unchanged");
        project.WriteBaselineAndCurrent(100);
        string[] gate = ["-p:PerfGateEnabled=true", .. BenchProject.Inputs, "-v:n"];

        var first = project.Build(gate);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("PerfGate: passed · 1 benchmark · 1 unchanged · against the baseline", first.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("PERF0", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(SkippedLine, first.Stdout, StringComparison.Ordinal);

        var second = project.Build(["--no-restore", .. gate]);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains(SkippedLine, second.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("gate passed", second.Stdout, StringComparison.Ordinal);

        // New results are an input that changed: the gate runs again, and judges them.
        project.WriteResults("current.json", 130, seed: 3);
        var third = project.Build(["--no-restore", .. gate]);
        Assert.True(third.ExitCode != 0, third.ToString());
        Assert.DoesNotContain(SkippedLine, third.Stdout, StringComparison.Ordinal);
        Assert.NotEmpty(third.Lines("error PERF0001"));
    }

    [Fact]
    public void ASettingThatChangedRunsTheGateAgain()
    {
        var project = new BenchProject(feed, "settings");
        project.WriteBaselineAndCurrent(100);
        string[] gate = ["-t:PerfGate", .. BenchProject.Inputs, "-v:n"];
        Assert.Equal(0, project.Build(gate).ExitCode);

        var stricter = project.Build(["--no-restore", "-p:PerfGateThreshold=p95<1ns", .. gate]);

        Assert.True(stricter.ExitCode != 0, stricter.ToString());
        Assert.Matches(@"error PERF0002: Bench\.Suite\.Parse broke the SLA threshold p95<1ns: measured \d+\.\dns", Assert.Single(stricter.Lines("error PERF0002").Distinct()));
    }

    [Fact]
    public void CorruptBaselineFailsWithPerf0005InOneLineWithoutAStackTrace()
    {
        var project = new BenchProject(feed, "corrupt");
        project.WriteResults("current.json", 100, seed: 2);
        File.WriteAllText(project.PathOf("baseline.json"), "{\"schema\": \"perfgate/results@1\", \"benchmarks\": [");

        var build = project.Build(["-p:PerfGateEnabled=true", .. BenchProject.Inputs]);

        Assert.True(build.ExitCode != 0, build.ToString());
        var error = Assert.Single(build.Lines("error PERF0005").Distinct());
        Assert.StartsWith(project.PathOf("baseline.json") + " : error PERF0005: ", error.Trim(), StringComparison.Ordinal);
        Assert.Empty(build.Lines(" error ").Except(build.Lines("error PERF0005")));
        Assert.DoesNotContain("MSB4018", build.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\n\s+at [\w.]+\(", build.Output);
    }

    [Fact]
    public void MissingBaselineIsPerf0004AndFailOnRegressionFalseMakesItAWarning()
    {
        var project = new BenchProject(feed, "no-baseline");
        project.WriteResults("current.json", 100, seed: 2);

        var strict = project.Build("-t:PerfGate", "-p:PerfGateResults=current.json", "-p:PerfGateBaseline=none.json");
        var lenient = project.Build("--no-restore", "-t:PerfGate", "-p:PerfGateResults=current.json", "-p:PerfGateBaseline=none.json", "-p:PerfGateFailOnRegression=false");

        Assert.True(strict.ExitCode != 0, strict.ToString());
        Assert.StartsWith(project.PathOf("none.json") + " : error PERF0004: the baseline does not exist", Assert.Single(strict.Lines("error PERF0004").Distinct()).Trim(), StringComparison.Ordinal);
        Assert.True(lenient.ExitCode == 0, lenient.ToString());
        Assert.NotEmpty(lenient.Lines("warning PERF0004"));
    }

    [Fact]
    public void FailOnRegressionFalseTurnsTheErrorIntoAWarning()
    {
        var project = new BenchProject(feed, "lenient");
        project.WriteBaselineAndCurrent(120);

        var build = project.Build(["-p:PerfGateEnabled=true", .. BenchProject.Inputs, "-p:PerfGateFailOnRegression=false"]);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(build.Lines("error PERF"));
        Assert.Matches(@"warning PERF0001: Bench\.Suite\.Parse regressed \+2\d\.\d%", Assert.Single(build.Lines("warning PERF0001").Distinct()));
    }

    [Fact]
    public void BaselineTargetKeepsTheResultsAndReportTargetWritesTheReports()
    {
        var project = new BenchProject(feed, "baseline-report");
        project.WriteResults("current.json", 100, seed: 2);

        var save = project.Build("-t:PerfGateBaseline", "-p:PerfGateResults=current.json");
        var report = project.Build("--no-restore", "-t:PerfGateReport", "-p:PerfGateResults=current.json");

        Assert.True(save.ExitCode == 0, save.ToString());
        var baseline = IO.ResultsJson.Read(project.PathOf("baselines/baseline.json"));
        Assert.NotNull(Assert.Single(baseline.Benchmarks).LaunchNoise);
        Assert.True(report.ExitCode == 0, report.ToString());
        foreach (var file in new[] { "results.json", "comparison.json", "summary.txt", "report.md", "report.html" })
        {
            Assert.True(File.Exists(project.PathOf(Path.Combine("perfgate-report", file))), file + "\n" + report);
        }
    }

    [Fact]
    public void RunTargetGatesWhatTheToolMeasuredAndMapsItsExitCodes()
    {
        var project = new BenchProject(feed, "run");
        project.WriteResults("baseline.json", 100, seed: 1);
        var measured = project.WriteResults("measured.json", 125, seed: 2);
        // Stands in for `dotnet perfgate run`: writes its results folder at --out and exits with the code it is given.
        var tool = project.PathOf("fake-perfgate.sh");
        File.WriteAllText(tool, $"""
                        code=$1; shift
            while [ $# -gt 0 ]; do
              if [ "$1" = "--out" ] && [ "$code" != 3 ]; then mkdir -p "$2"; cp "{measured}" "$2/results.json"; fi
              shift
            done
            exit $code
            """);

        var gated = project.Build("-t:PerfGateRun", "-p:PerfGateBaseline=baseline.json", $"-p:PerfGateToolCommand=sh {tool} 1");
        var broken = project.Build("--no-restore", "-t:PerfGateRun", "-p:PerfGateBaseline=baseline.json", "-p:PerfGateResults=other-results", $"-p:PerfGateToolCommand=sh {tool} 3");

        Assert.True(gated.ExitCode != 0, gated.ToString());
        Assert.NotEmpty(gated.Lines("error PERF0001: Bench.Suite.Parse regressed +2"));
        Assert.True(broken.ExitCode != 0, broken.ToString());
        Assert.Contains("error PERF0006: the benchmarks could not be run", Assert.Single(broken.Lines("error PERF").Distinct()), StringComparison.Ordinal);
    }

    [Fact]
    public void PerfGateRunStatesTheVerdictTheRunStoredWithTheThresholdsItWasGiven()
    {
        var project = new BenchProject(feed, "stored");
        var baseline = project.WriteResults("baseline.json", 100, seed: 1);
        var measured = project.WriteResults("measured.json", 100, seed: 2);
        // Stands in for `dotnet perfgate run`: the real tool's `compare` decides with the --baseline, --threshold and
        // --fail-on the targets pass, and writes its folder (comparison.json among it) at --out.
        var tool = project.PathOf("deciding-perfgate.sh");
        File.WriteAllText(tool, $"""
            echo "$@" > "{project.PathOf("run-arguments.txt")}"
            out=""; given=""; extra=""
            while [ $# -gt 0 ]; do
              case "$1" in
                --out) out="$2"; shift ;;
                --baseline) given="$2"; shift ;;
                --threshold|--fail-on) extra="$extra $1 $2"; shift ;;
              esac
              shift
            done
            exec dotnet "{CliDll()}" compare "$given" "{measured}" --out "$out" $extra
            """);

        var build = project.Build("-t:PerfGateRun", "-p:PerfGateBaseline=baseline.json", "-p:PerfGateThreshold=mean<1ns", $"-p:PerfGateToolCommand=sh {tool}");

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains($"--baseline {baseline} --threshold mean<1ns", File.ReadAllText(project.PathOf("run-arguments.txt")), StringComparison.Ordinal);
        Assert.True(build.Lines("error PERF0002: Bench.Suite.Parse broke the SLA threshold mean<1ns").Any(), build.ToString());
        using var stored = System.Text.Json.JsonDocument.Parse(File.ReadAllText(project.PathOf("perfgate-results/comparison.json")));
        Assert.Equal("failed", stored.RootElement.GetProperty("gate").GetString());
        // The build's line is the stored verdict's own line.
        Assert.Contains("PerfGate: " + stored.RootElement.GetProperty("summary").GetString() + " · against the baseline", build.Stdout, StringComparison.Ordinal);
    }

    private static string CliDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "src", "AfirGen.PerfGate.Cli", "bin", "Release", "net10.0", "dotnet-perfgate.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }

        throw new FileNotFoundException("the built tool (src/AfirGen.PerfGate.Cli/bin/Release/net10.0/dotnet-perfgate.dll) was not found above the test folder");
    }
}
