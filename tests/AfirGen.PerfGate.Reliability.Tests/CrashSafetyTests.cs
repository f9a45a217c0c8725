using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Tests.Tooling;
using Xunit.Abstractions;
using Results = AfirGen.PerfGate.Cli.Tests.Results;

namespace AfirGen.PerfGate.Reliability.Tests;

/// <summary>The tool killed with SIGKILL at random moments while it writes files a user keeps: each file is the old one or a complete new one.</summary>
public sealed partial class CrashSafetyTests(ITestOutputHelper output)
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
        var fresh = Fresh(dir);
        var target = dir.File("baselines/main.json");
        var folder = Directory.CreateDirectory(dir.File("baselines")).FullName;
        var old = Encoding.UTF8.GetBytes(File.ReadAllText(Results.Write(dir.File("old.json"), [.. Enumerable.Range(0, 300).Select(i => Results.Micro($"Suite.Old{i:D4}", i, 50))])));
        string[] args = ["baseline", "save", fresh, "--to", target];
        void Restore() => File.WriteAllBytes(target, old);

        // One uninterrupted save gives the complete new file and the tool's lifetime, over which the kills are spread.
        Restore();
        var timing = TimeOne(dir, folder, args);
        var complete = File.ReadAllBytes(target);
        Assert.Equal(1500, ResultsJson.Read(target).Benchmarks.Count);
        Assert.NotEqual(old, complete);
        output.WriteLine($"baseline save uninterrupted: {timing.Lifetime.TotalMilliseconds:0} ms, temp file first seen at {timing.WriteStart.TotalMilliseconds:0} ms, {complete.Length:N0} bytes");

        bool Written(double share) => TempFiles(folder).Any(f => Length(f) >= share * complete.Length);
        var outcomes = KillRepeatedly(dir, folder, args, Restore, () => Judge(File.ReadAllBytes(target), old, complete), timing, Written, kills: 100);

        // The kills that landed while the temp file existed are the ones that test atomicity; without enough of them the test proves little.
        Assert.True(outcomes.Count(o => o.Moment == Moment.DuringWrite) >= 10, Describe(outcomes));
        output.WriteLine(Describe(outcomes));

        // Leftovers of killed writers are removed by the next write of the same file (their writer's process is gone).
        Restore();
        var leftovers = Directory.GetFiles(dir.File("leftovers"));
        Assert.NotEmpty(leftovers);
        foreach (var f in leftovers)
        {
            File.Move(f, Path.Combine(folder, Path.GetFileName(f)[(Path.GetFileName(f).IndexOf('-', StringComparison.Ordinal) + 1)..]));
        }

        var again = PerfGateProcess.Run(dir.Path, args);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal([target], Directory.GetFiles(folder));
        Assert.Equal(complete, File.ReadAllBytes(target));
    }

    [Fact]
    public void CompareKilledWhileWritingItsReportsLeavesEachFileOldOrComplete()
    {
        using var dir = new TempDir();
        var fresh = Fresh(dir);
        var baseline = Results.Write(dir.File("base.json"), Results.Micro("Suite.Bench00000", 7, 100));
        var folder = dir.File("out");
        // The folder as an earlier, smaller run left it: every file exists in an old version.
        var first = PerfGateProcess.Run(dir.Path, "compare", baseline, baseline, "--out", folder);
        Assert.True(first.ExitCode == 0, first.ToString());
        var old = Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        Assert.Equal(6, old.Count);
        void Restore()
        {
            foreach (var (name, bytes) in old)
            {
                File.WriteAllBytes(Path.Combine(folder, name), bytes);
            }
        }

        string[] args = ["compare", baseline, fresh, "--out", folder];
        var timing = TimeOne(dir, folder, args, expectedExit: 0);
        var complete = old.Keys.ToDictionary(n => n, n => WithoutTimes(File.ReadAllText(Path.Combine(folder, n))));
        var sizes = old.Keys.ToDictionary(n => n, n => new FileInfo(Path.Combine(folder, n)).Length);
        output.WriteLine($"compare uninterrupted: {timing.Lifetime.TotalMilliseconds:0} ms, first temp file seen at {timing.WriteStart.TotalMilliseconds:0} ms");

        // Each file is atomic on its own (the folder as a whole is not promised to be): old, new, or a mix of whole files.
        string JudgeFolder()
        {
            var verdicts = old.Keys.Select(n =>
            {
                var bytes = File.ReadAllBytes(Path.Combine(folder, n));
                return bytes.AsSpan().SequenceEqual(old[n]) ? "old"
                    : WithoutTimes(Encoding.UTF8.GetString(bytes)) == complete[n] ? "new"
                    : $"CORRUPT {n}";
            }).Distinct().ToList();
            return verdicts.FirstOrDefault(v => v.StartsWith("CORRUPT", StringComparison.Ordinal)) ?? (verdicts.Count == 1 ? verdicts[0] : "mixed");
        }

        // Aimed at the largest of the five files (results.json), so that the smaller ones, written beside it, are caught whole, half-way or not yet.
        var largest = sizes.MaxBy(kv => kv.Value).Key;
        bool Written(double share) => TempFiles(folder).Any(f => TargetOf(f) == largest && Length(f) >= share * sizes[largest]);
        var outcomes = KillRepeatedly(dir, folder, args, Restore, JudgeFolder, timing, Written, kills: 30, aimedOnly: true);

        Assert.True(outcomes.Count(o => o.Moment == Moment.DuringWrite) >= 5, Describe(outcomes));
        output.WriteLine(Describe(outcomes));
    }

    private sealed record Kill(int Index, string From, string At, Moment Moment, string Found, int TempFiles);

    // Big enough that writing takes a measurable share of the process's life: 1,500 benchmarks of 100 samples (about 4 MB).
    private static string Fresh(TempDir dir) =>
        Results.Write(dir.File("fresh.json"), [.. Enumerable.Range(0, 1500).Select(i => Results.Micro($"Suite.Bench{i:D5}", i, 100 + i, launches: 5, iterations: 20))]);

    private static string Judge(byte[] bytes, byte[] old, byte[] complete) =>
        bytes.AsSpan().SequenceEqual(old) ? "old" : bytes.AsSpan().SequenceEqual(complete) ? "new" : $"CORRUPT ({bytes.Length} bytes)";

    private List<Kill> KillRepeatedly(TempDir dir, string folder, string[] args, Action restore, Func<string> judge,
        (TimeSpan Lifetime, TimeSpan WriteStart) timing, Func<double, bool> written, int kills, bool aimedOnly = false)
    {
        var rng = new Random(Seed);
        var outcomes = new List<Kill>();
        var leftovers = Directory.CreateDirectory(dir.File("leftovers")).FullName;
        // Half the kills are spread over the whole lifetime (plus 10%): start-up, reading, computing, writing, renaming.
        // The other half aim at the write itself, by progress rather than by time, which the shared machine's load makes
        // unreliable: each waits until the temp file holds a share of the final size, from 0 to 105% (at or past 100% is
        // the flush, the rename and the exit). Both are stratified: kill k of n lands in the k-th of n equal slices of its span.
        var whole = timing.Lifetime.TotalMilliseconds * 1.1;
        var perKind = aimedOnly ? kills : kills / 2;
        for (var i = 0; i < kills; i++)
        {
            restore();
            var aimed = aimedOnly || i % 2 == 1;
            var slice = ((aimedOnly ? i : i / 2) + rng.NextDouble()) / perKind;
            using var p = PerfGateProcess.Start(dir.Path, null, args);
            var clock = Stopwatch.StartNew();
            string at;
            if (aimed)
            {
                var share = slice * 1.05;
                while (!written(Math.Min(share, 1)) && !p.HasExited && clock.Elapsed < TimeSpan.FromSeconds(30))
                {
                    Thread.Sleep(1);
                }

                at = string.Create(CultureInfo.InvariantCulture, $"{share * 100:0}%");
            }
            else
            {
                var delay = slice * whole;
                Thread.Sleep(TimeSpan.FromMilliseconds(Math.Max(0, delay - clock.Elapsed.TotalMilliseconds)));
                at = string.Create(CultureInfo.InvariantCulture, $"{delay:0}ms");
            }

            var moment = p.HasExited ? Moment.AfterExit : Temps(folder) > 0 ? Moment.DuringWrite : Moment.BeforeWrite;
            try
            {
                p.Kill(); // SIGKILL
            }
            catch (InvalidOperationException)
            {
                moment = Moment.AfterExit;
            }

            p.WaitForExit();
            var found = judge();
            if (moment == Moment.BeforeWrite && found != "old")
            {
                moment = Moment.AfterRename; // no temp file, yet new content in place: the kill came between the last rename and the exit
            }

            outcomes.Add(new Kill(i, aimed ? "at a share of the file written" : "at a time after start", at, moment, found, Temps(folder)));
            Assert.False(found.StartsWith("CORRUPT", StringComparison.Ordinal), $"seed {Seed}: after kill {i} at {at}: {found}\n{Describe(outcomes)}");
            // Set aside, so that the next kill's moment is judged by its own temp files; the baseline test brings them back for the clean-up check.
            foreach (var f in TempFiles(folder))
            {
                File.Move(f, Path.Combine(leftovers, $"{i}-{Path.GetFileName(f)}"));
            }
        }

        return outcomes;
    }

    private static (TimeSpan Lifetime, TimeSpan WriteStart) TimeOne(TempDir dir, string folder, string[] args, int expectedExit = 0)
    {
        var clock = Stopwatch.StartNew();
        using var p = PerfGateProcess.Start(dir.Path, null, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var writeStart = TimeSpan.Zero;
        while (!p.HasExited)
        {
            if (writeStart == TimeSpan.Zero && Temps(folder) > 0)
            {
                writeStart = clock.Elapsed;
            }

            Thread.Sleep(2);
        }

        p.WaitForExit();
        Assert.True(p.ExitCode == expectedExit, $"exit {p.ExitCode}: {stdout.Result}{p.StandardError.ReadToEnd()}");
        Assert.True(writeStart > TimeSpan.Zero, "no temp file was ever seen: the write is too quick to aim at");
        return (clock.Elapsed, writeStart);
    }

    private static IEnumerable<string> TempFiles(string folder) =>
        Directory.GetFiles(folder).Where(f => Path.GetFileName(f).StartsWith('.') && f.EndsWith(".tmp", StringComparison.Ordinal));

    private static int Temps(string folder) => TempFiles(folder).Count();

    /// <summary>The file a temp file stands for: ".results.json.PID.GUID.tmp" is results.json's.</summary>
    private static string TargetOf(string temp)
    {
        var name = Path.GetFileName(temp);
        var parts = name.Split('.');
        return string.Join('.', parts[1..^3]);
    }

    private static long Length(string file)
    {
        try
        {
            return new FileInfo(file).Length;
        }
        catch (IOException)
        {
            return 0; // renamed or removed while we looked
        }
    }

    // Reports say when they were generated; the rest of each is the same from one run to the next.
    private static string WithoutTimes(string text) => Timestamp().Replace(text, "TIME");

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")]
    private static partial Regex Timestamp();

    private static string Describe(List<Kill> outcomes)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"seed {Seed}, {outcomes.Count} kills");
        foreach (var from in outcomes.GroupBy(o => o.From))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {from.Count()} kills {from.Key}, {from.First().At} to {from.Last().At}:");
            foreach (var g in from.GroupBy(o => (o.Moment, o.Found)).OrderBy(g => g.Key.Moment))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    killed {g.Key.Moment}: {g.Key.Found} file(s) {g.Count()} times");
            }

            text.AppendLine("    where (o old, n new, m mixed): " + string.Join(' ', from.Select(o => o.At + o.Found[0])));
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  kills that left a temp file behind: {outcomes.Count(o => o.TempFiles > 0)}");
        return text.ToString();
    }
}
