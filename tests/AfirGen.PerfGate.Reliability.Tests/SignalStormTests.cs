using System.Diagnostics;
using System.Globalization;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Runner.Tests;
using AfirGen.PerfGate.Tests.Tooling;
using Xunit.Abstractions;

namespace AfirGen.PerfGate.Reliability.Tests;

/// <summary>
/// SIGTERM and SIGHUP, as Docker, Kubernetes and CI runners send them, at random moments of `run` with a target, of
/// `load` and of `ab`: each time the exit code says what happened, results written before the end are marked
/// incomplete, no process and no worktree is left, and a baseline is the old one or a complete new one.
/// </summary>
public sealed class SignalStormTests(ITestOutputHelper output)
{
    // Fixed so that a failure can be replayed; PERFGATE_SIGNAL_SEED tries others.
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("PERFGATE_SIGNAL_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 20261202;

    private static readonly string[] Signals = ["TERM", "HUP"];

    [Fact]
    public void RunWithATargetSignalledTwentyFourTimes()
    {
        using var dir = new TempDir();
        CancellationTests.WriteTargetConfig(dir, "1s");
        var baseline = dir.File("baselines/main.json");
        Directory.CreateDirectory(dir.File("baselines"));
        var old = File.ReadAllBytes(Cli.Tests.Results.Write(dir.File("old.json"), Cli.Tests.Results.Micro("Suite.Old", 7, 50)));
        var storm = new Storm(dir, output, ["run", "--out", "out", "--save-baseline", baseline], ["api/home@c1", "api/home@c2"])
        {
            Prepare = () => File.WriteAllBytes(baseline, old),
            Check = (kill, stopped) =>
            {
                var now = File.ReadAllBytes(baseline);
                if (!now.AsSpan().SequenceEqual(old))
                {
                    // A new baseline is saved only from a complete run.
                    var saved = ResultsJson.Read(baseline);
                    Assert.False(saved.Incomplete, $"{kill}: an incomplete run replaced the baseline");
                    Assert.Equal(["api/home@c1", "api/home@c2"], saved.Benchmarks.Select(b => b.Id).Order(StringComparer.Ordinal));
                    return "new baseline";
                }

                return "old baseline";
            },
        };

        storm.Rain(kills: 24);
    }

    [Fact]
    public void LoadSignalledTwentyTimes()
    {
        using var dir = new TempDir();
        using var server = new OkServer();
        var storm = new Storm(dir, output, ["load", server.Url + "/ok", "-c", "1,2", "-d", "1s", "--warmup", "0", "--out", "out"], ["api/load@c1", "api/load@c2"]);

        storm.Rain(kills: 20);
    }

    [Fact]
    public void AbAcrossTwoCommitsSignalledSixTimes()
    {
        using var dir = new TempDir();
        BenchProject.Create(dir.File("bench"), ("Work.cs", BenchProject.Work(4)));
        BenchProject.Git(dir.Path, "init", "--quiet", "-b", "main");
        File.WriteAllText(dir.File(".gitignore"), "bin/\nobj/\nout/\ntmp/\n");
        BenchProject.Git(dir.Path, "add", ".");
        BenchProject.Git(dir.Path, "commit", "--quiet", "-m", "base");
        BenchProject.Git(dir.Path, "tag", "base");
        File.WriteAllText(dir.File("bench/Work.cs"), BenchProject.Work(4) + "\n// head\n");
        BenchProject.Git(dir.Path, "commit", "--quiet", "-am", "head");
        var storm = new Storm(dir, output, ["ab", "--base", "base", "--head", "HEAD", "--project", "bench/Sample.Benchmarks.csproj", "--workers", "3", "--pairs", "10", "--out", "out"], ["Sample.Work.Sum"])
        {
            Check = (kill, _) =>
            {
                var list = Git(dir.Path, "worktree", "list", "--porcelain");
                Assert.True(list.Split('\n').Count(l => l.StartsWith("worktree ", StringComparison.Ordinal)) == 1, $"{kill}: a worktree is left:\n{list}");
                return "no worktree";
            },
        };

        storm.Rain(kills: 6);
    }

    private static string Git(string directory, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text;
    }

    /// <summary>One command signalled again and again, each signal at a random moment of its lifetime (stratified, so every part of it is hit).</summary>
    private sealed class Storm(TempDir dir, ITestOutputHelper output, string[] args, string[] complete)
    {
        public Action Prepare { get; init; } = () => { };

        public Func<string, bool, string> Check { get; init; } = (_, _) => string.Empty;

        public void Rain(int kills)
        {
            var temp = Directory.CreateDirectory(dir.File("tmp")).FullName;
            // Each perfgate gets its own temp folder, so that what it leaves there is seen (its worktrees and scratch files live there).
            var env = new Dictionary<string, string> { ["TMPDIR"] = temp };

            // One undisturbed run gives the lifetime over which the signals are spread.
            Prepare();
            var clock = Stopwatch.StartNew();
            var undisturbed = PerfGateProcess.Run(dir.Path, env, [], TimeSpan.FromMinutes(10), args);
            var lifetime = clock.Elapsed;
            Assert.True(undisturbed.ExitCode == 0, undisturbed.ToString());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"perfgate {string.Join(' ', args)}: {lifetime.TotalMilliseconds:0} ms undisturbed"));

            var rng = new Random(Seed);
            var tally = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < kills; i++)
            {
                Prepare();
                if (Directory.Exists(dir.File("out")))
                {
                    Directory.Delete(dir.File("out"), recursive: true);
                }

                var signal = Signals[i % Signals.Length];
                // Over 90% of the undisturbed lifetime: a loaded machine makes a run's length vary, and a signal after the end tests nothing.
                var at = TimeSpan.FromMilliseconds((i + rng.NextDouble()) / kills * lifetime.TotalMilliseconds * 0.9);
                var seen = new Dictionary<int, ProcessTree.Entry>();
                using var p = PerfGateProcess.Start(dir.Path, env, args);
                var stdout = p.StandardOutput.ReadToEndAsync();
                var stderr = p.StandardError.ReadToEndAsync();
                var started = Stopwatch.StartNew();
                while (started.Elapsed < at && !p.HasExited)
                {
                    // Every process the tool starts is noted while it lives: one started and gone before the signal is no survivor.
                    foreach (var e in ProcessTree.Descendants(p.Id))
                    {
                        seen.TryAdd(e.Pid, e);
                    }

                    Thread.Sleep(10);
                }

                var signalled = !p.HasExited;
                if (signalled)
                {
                    using var kill = Process.Start("kill", ["-" + signal, p.Id.ToString(CultureInfo.InvariantCulture)]);
                    kill.WaitForExit();
                }

                if (!p.WaitForExit(TimeSpan.FromSeconds(60)))
                {
                    p.Kill(entireProcessTree: true);
                    Assert.Fail($"perfgate did not stop within 60 s of SIG{signal} at {at.TotalMilliseconds:0} ms");
                }

                p.WaitForExit();
                var name = string.Create(CultureInfo.InvariantCulture, $"signal {i} (SIG{signal} at {at.TotalMilliseconds:0} ms, seed {Seed})");
                var log = $"{name}: exit {p.ExitCode}\n--- stdout\n{stdout.Result}\n--- stderr\n{stderr.Result}";
                var code = signal == "TERM" ? 143 : 129;
                // Exit 0 means the run ended before the signal was handled; then it is whole.
                Assert.True(p.ExitCode == code || p.ExitCode == 0, log);
                var what = p.ExitCode == 0 ? "finished" : "stopped";
                var results = dir.File("out/results.json");
                if (File.Exists(results))
                {
                    var set = ResultsJson.Read(results);
                    var whole = complete.All(id => set.Benchmarks.Any(b => b.Id == id));
                    Assert.True(set.Incomplete || whole, $"{log}\nresults neither marked incomplete nor complete");
                    Assert.True(p.ExitCode != 0 || (!set.Incomplete && whole), $"{log}\nexit 0 with results cut short");
                    what += set.Incomplete ? ", results incomplete" : ", results complete";
                }
                else
                {
                    Assert.True(p.ExitCode != 0, $"{log}\nexit 0 without results");
                    what += ", no results yet";
                }

                var survivors = Survivors(seen.Values);
                Assert.True(survivors.Count == 0, $"{log}\nstill running after perfgate exited:\n{string.Join('\n', survivors)}");
                // Its own scratch folders; MSBuild's and NuGet's (MSBuildTemp…, NuGetScratch…) are kept by the SDK on purpose.
                var left = Directory.GetFileSystemEntries(temp, "perfgate-*");
                Assert.True(left.Length == 0, $"{log}\nleft in its temp folder: {string.Join(", ", left)}");
                what += ", " + Check(log, signalled);
                tally[what] = tally.GetValueOrDefault(what) + 1;
            }

            output.WriteLine(string.Join('\n', tally.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Value,3} × {kv.Key}")));
            // The storm must have stopped the tool, not merely watched it finish.
            Assert.True(tally.Where(kv => kv.Key.StartsWith("stopped", StringComparison.Ordinal)).Sum(kv => kv.Value) >= kills / 3, string.Join('\n', tally));
        }

        // The SDK keeps its build servers (MSBuild nodes, the compiler server) on purpose for the next build; they are not the tool's.
        private static List<ProcessTree.Entry> Survivors(IEnumerable<ProcessTree.Entry> seen)
        {
            var grace = Stopwatch.StartNew();
            List<ProcessTree.Entry> left;
            do
            {
                left = ProcessTree.StillRunning(seen)
                    .Where(e => !e.CommandLine.Contains("VBCSCompiler", StringComparison.Ordinal) && !e.CommandLine.Contains("nodeReuse:true", StringComparison.Ordinal)
                        && !e.CommandLine.Contains("MSBuild.dll /nologo /nodemode", StringComparison.Ordinal))
                    .ToList();
            }
            while (left.Count > 0 && grace.Elapsed < TimeSpan.FromSeconds(2) && Sleep());

            return left;
        }

        private static bool Sleep()
        {
            Thread.Sleep(50);
            return true;
        }
    }
}
