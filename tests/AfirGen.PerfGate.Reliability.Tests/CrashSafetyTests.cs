using System.Diagnostics;
using System.Globalization;
using System.Text;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Tests.Tooling;
using Xunit.Abstractions;
using Results = AfirGen.PerfGate.Cli.Tests.Results;

namespace AfirGen.PerfGate.Reliability.Tests;

/// <summary>The tool killed with SIGKILL at random moments while it writes files a user keeps: each file is the old one or a complete new one.</summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    // Fixed so that a failure can be replayed; PERFGATE_CRASH_SEED tries others.
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("PERFGATE_CRASH_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 20261127;

    private enum Moment
    {
        BeforeWrite,
        DuringWrite,
        AfterRename,
        AfterExit,
    }

    [Fact]
    public void BaselineSaveKilledAHundredTimesLeavesTheOldOrACompleteNewBaseline()
    {
        using var dir = new TempDir();
        // Big enough that writing takes a measurable share of the process's life: 1,500 benchmarks of 100 samples (about 4 MB).
        var fresh = Results.Write(dir.File("fresh.json"), [.. Enumerable.Range(0, 1500).Select(i => Results.Micro($"Suite.Bench{i:D5}", i, 100 + i, launches: 5, iterations: 20))]);
        var target = dir.File("baselines/main.json");
        Directory.CreateDirectory(dir.File("baselines"));
        var old = Encoding.UTF8.GetBytes(File.ReadAllText(Results.Write(dir.File("old.json"), [.. Enumerable.Range(0, 300).Select(i => Results.Micro($"Suite.Old{i:D4}", i, 50))])));
        string[] args = ["baseline", "save", fresh, "--to", target];

        // One uninterrupted save gives the complete new file and the tool's lifetime, over which the kills are spread.
        File.WriteAllBytes(target, old);
        var (lifetime, writeStart) = TimeOne(dir, target, args);
        var complete = File.ReadAllBytes(target);
        Assert.Equal(1500, ResultsJson.Read(target).Benchmarks.Count);
        Assert.NotEqual(old, complete);
        output.WriteLine($"uninterrupted save: {lifetime.TotalMilliseconds:0} ms, temp file first seen at {writeStart.TotalMilliseconds:0} ms, {complete.Length:N0} bytes");

        var outcomes = KillRepeatedly(dir, target, args, old, complete, (lifetime, writeStart), kills: 100);

        // The kills that landed while the temp file existed are the ones that test atomicity; without enough of them the test proves little.
        Assert.True(outcomes.Count(o => o.Moment == Moment.DuringWrite) >= 10, Describe(outcomes));
        output.WriteLine(Describe(outcomes));

        // Leftovers of killed writers are removed by the next write of the same file (their writer's process is gone).
        File.WriteAllBytes(target, old);
        var leftovers = Directory.GetFiles(dir.File("leftovers"));
        Assert.NotEmpty(leftovers);
        foreach (var f in leftovers)
        {
            File.Move(f, Path.Combine(dir.File("baselines"), Path.GetFileName(f)[(Path.GetFileName(f).IndexOf('-', StringComparison.Ordinal) + 1)..]));
        }

        var again = PerfGateProcess.Run(dir.Path, args);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal([target], Directory.GetFiles(dir.File("baselines")));
        Assert.Equal(complete, File.ReadAllBytes(target));
    }

    private sealed record Kill(int Index, string From, double DelayMs, Moment Moment, string Found, int TempFiles);

    private List<Kill> KillRepeatedly(TempDir dir, string target, string[] args, byte[] old, byte[] complete, (TimeSpan Lifetime, TimeSpan WriteStart) timing, int kills)
    {
        var rng = new Random(Seed);
        var folder = Path.GetDirectoryName(target)!;
        var outcomes = new List<Kill>();
        var leftovers = Directory.CreateDirectory(dir.File("leftovers")).FullName;
        // Half the kills are spread over the whole lifetime (plus 10%): start-up, reading,
        // computing, writing, renaming. The other half aim at the write itself: they wait for the temp file to appear and
        // then land somewhere in the write's measured duration (plus 20%), whatever the machine's load does to the start-up.
        // Both are stratified: kill k of n lands in the k-th of n equal slices of its span.
        var whole = timing.Lifetime.TotalMilliseconds * 1.1;
        var write = Math.Max(20, (timing.Lifetime - timing.WriteStart).TotalMilliseconds * 1.2);
        var half = kills / 2;
        for (var i = 0; i < kills; i++)
        {
            File.WriteAllBytes(target, old);
            var aimed = i % 2 == 1;
            var slice = (i / 2) + rng.NextDouble();
            var delay = slice * (aimed ? write : whole) / half;
            using var p = PerfGateProcess.Start(dir.Path, null, args);
            var clock = Stopwatch.StartNew();
            var from = TimeSpan.Zero;
            if (aimed)
            {
                while (TempFiles(folder, target) == 0 && !p.HasExited && clock.Elapsed < TimeSpan.FromSeconds(30))
                {
                    Thread.Sleep(1);
                }

                from = clock.Elapsed;
            }

            var rest = delay - (clock.Elapsed - from).TotalMilliseconds;
            if (rest > 0)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(rest));
            }

            var temps = TempFiles(folder, target);
            var moment = p.HasExited ? Moment.AfterExit : temps > 0 ? Moment.DuringWrite : Moment.BeforeWrite;
            try
            {
                p.Kill(); // SIGKILL
            }
            catch (InvalidOperationException)
            {
                moment = Moment.AfterExit;
            }

            p.WaitForExit();
            var bytes = File.ReadAllBytes(target);
            var found = bytes.AsSpan().SequenceEqual(old) ? "old" : bytes.AsSpan().SequenceEqual(complete) ? "new" : "CORRUPT";
            if (moment == Moment.BeforeWrite && found == "new")
            {
                moment = Moment.AfterRename; // no temp file, yet the new file is in place: the kill came between the rename and the exit
            }

            outcomes.Add(new Kill(i, aimed ? "after temp file" : "after start", delay, moment, found, TempFiles(folder, target)));
            Assert.True(found != "CORRUPT", $"seed {Seed}: after kill {i} at {delay:0.0} ms the baseline is neither the old nor the new file ({bytes.Length} bytes)\n{Describe(outcomes)}");
            // Set aside, so that the next kill's moment is judged by its own temp file; they come back for the clean-up check.
            foreach (var f in Directory.GetFiles(folder).Where(f => f != target))
            {
                File.Move(f, Path.Combine(leftovers, $"{i}-{Path.GetFileName(f)}"));
            }
        }

        return outcomes;
    }

    private static (TimeSpan Lifetime, TimeSpan WriteStart) TimeOne(TempDir dir, string target, string[] args)
    {
        var folder = Path.GetDirectoryName(target)!;
        var clock = Stopwatch.StartNew();
        using var p = PerfGateProcess.Start(dir.Path, null, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var writeStart = TimeSpan.Zero;
        while (!p.HasExited)
        {
            if (writeStart == TimeSpan.Zero && TempFiles(folder, target) > 0)
            {
                writeStart = clock.Elapsed;
            }

            Thread.Sleep(2);
        }

        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"exit {p.ExitCode}: {stdout.Result}{p.StandardError.ReadToEnd()}");
        return (clock.Elapsed, writeStart);
    }

    private static int TempFiles(string folder, string target) =>
        Directory.GetFiles(folder).Count(f => f != target);

    private static string Describe(List<Kill> outcomes)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"seed {Seed}, {outcomes.Count} kills");
        foreach (var from in outcomes.GroupBy(o => o.From))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {from.Count()} kills {from.Min(o => o.DelayMs):0.0}-{from.Max(o => o.DelayMs):0.0} ms {from.Key}:");
            foreach (var g in from.GroupBy(o => (o.Moment, o.Found)).OrderBy(g => g.Key.Moment))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    killed {g.Key.Moment}: {g.Key.Found} file {g.Count()} times");
            }

            text.AppendLine("    delays (ms): " + string.Join(' ', from.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.DelayMs:0.0}{o.Found[0]}"))));
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  kills that left a temp file behind: {outcomes.Count(o => o.TempFiles > 0)}");
        return text.ToString();
    }
}
