using System.Diagnostics;
using AfirGen.PerfGate.History;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Tests.IO;

namespace AfirGen.PerfGate.Tests.History;

public sealed class HistoryStoreTests
{
    internal static ResultSet Run(int day, double center, string commit, string cpu = "AMD EPYC", long allocated = 96)
    {
        var rng = new Random(day);
        return new ResultSet
        {
            CreatedAt = new DateTimeOffset(2026, 10, 1, 3, 0, 0, TimeSpan.Zero).AddDays(day),
            Environment = new EnvironmentFingerprint { Os = "Linux", Cpu = cpu, Cores = 2, Runtime = ".NET 10.0" },
            Source = new SourceInfo(commit, "main"),
            Benchmarks =
            [
                new BenchmarkResult
                {
                    Id = "Sample.Parse",
                    Launches = [new Launch(Enumerable.Range(0, 15).Select(_ => center * (1 + (0.02 * (rng.NextDouble() - 0.5)))).ToArray())],
                    Memory = new MemoryInfo(allocated, 0.1, 0, 0),
                },
                new BenchmarkResult { Id = "Sample.Broken", Status = BenchmarkStatus.Failed, Error = "boom" },
            ],
        };
    }

    internal static string Commit(int i) => i.ToString("x4") + new string('a', 36);

    private static void Add(HistoryStore store, ResultSet run) => store.Add(HistoryEntries.Create(run, null, null, null), HistoryEntries.Compress(run));

    [Fact]
    public void AnEntryKeepsItsPointsCommitMachineAndFullResults()
    {
        using var dir = new TempDirectory();
        var store = HistoryStore.Open(Path.Combine(dir.Path, "store"));
        var run = Run(1, 1000, Commit(1));
        var entry = HistoryEntries.Create(run, null, null, "{}"u8.ToArray());
        store.Add(entry, HistoryEntries.Compress(run));
        var read = Assert.Single(store.Entries());
        Assert.Equal(entry, read);
        Assert.Equal(Commit(1), read.Commit);
        Assert.Equal("main", read.Branch);
        Assert.Equal("AMD EPYC", read.Environment.Cpu);
        Assert.NotNull(read.Configuration);
        Assert.Equal([HistoryMetric.Time, HistoryMetric.Allocated], read.Points.Select(p => p.Metric));
        Assert.InRange(read.Points[0].Value, 990, 1010);
        Assert.Equal(96, read.Points[1].Value);
        // The raw samples are kept beside the entry, so that any point can be recomputed.
        var results = Path.Combine(dir.Path, "store", "runs", HistoryStore.ResultsFileName(entry.Id));
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(results), System.IO.Compression.CompressionMode.Decompress);
        using var text = new StreamReader(gzip);
        Assert.Equal(run, PerfGate.IO.ResultsJson.Parse(text.ReadToEnd(), results));
    }

    [Fact]
    public void TwentyAppendsAtOnceAllLandInAFolder()
    {
        using var dir = new TempDirectory();
        var folder = Path.Combine(dir.Path, "store");
        Parallel.For(0, 20, new ParallelOptions { MaxDegreeOfParallelism = 20 }, i => Add(HistoryStore.Open(folder), Run(i, 1000, Commit(i))));
        var entries = HistoryStore.Open(folder).Entries();
        Assert.Equal(20, entries.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(Commit), entries.Select(e => e.Commit));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(folder, "runs"), ".*"));
    }

    [Fact]
    public void TwentyAppendsAtOnceAllLandOnAGitBranchAndTheWorkTreeIsUntouched()
    {
        using var dir = new TempDirectory();
        var repo = GitRepository(dir.Path);
        Parallel.For(0, 20, new ParallelOptions { MaxDegreeOfParallelism = 20 }, i => Add(HistoryStore.Open("git:perfgate-data", repo), Run(i, 1000, Commit(i))));
        var entries = HistoryStore.Open("git:perfgate-data", repo).Entries();
        Assert.Equal(Enumerable.Range(0, 20).Select(Commit), entries.Select(e => e.Commit));
        Assert.Equal("", Git(repo, "status", "--porcelain"));
        Assert.Equal("main", Git(repo, "rev-parse", "--abbrev-ref", "HEAD"));
        // The data branch has a history of its own: one commit per run, none of the code's.
        Assert.Equal("20", Git(repo, "rev-list", "--count", "perfgate-data"));
    }

    [Fact]
    public void AppendsThroughARemoteArePushedAndRaceSafely()
    {
        using var dir = new TempDirectory();
        var origin = Path.Combine(dir.Path, "origin.git");
        Git(dir.Path, "init", "-q", "--bare", origin);
        var clones = Enumerable.Range(0, 4).Select(i =>
        {
            var clone = Path.Combine(dir.Path, "clone" + i);
            Git(dir.Path, "clone", "-q", origin, clone);
            return clone;
        }).ToArray();
        // Four jobs on four checkouts, five runs each, all pushing to one remote branch.
        Parallel.For(0, 20, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => Add(HistoryStore.Open("git:perfgate-data", clones[i % 4], "origin"), Run(i, 1000, Commit(i))));
        var fresh = Path.Combine(dir.Path, "fresh");
        Git(dir.Path, "clone", "-q", origin, fresh);
        var entries = HistoryStore.Open("git:perfgate-data", fresh, "origin").Entries();
        Assert.Equal(Enumerable.Range(0, 20).Select(Commit), entries.Select(e => e.Commit));
    }

    [Fact]
    public void ThinningKeepsTheNewestEntries()
    {
        using var dir = new TempDirectory();
        var repo = GitRepository(dir.Path);
        foreach (var store in new[] { HistoryStore.Open(Path.Combine(dir.Path, "store")), HistoryStore.Open("git:data", repo) })
        {
            for (var i = 0; i < 6; i++)
            {
                Add(store, Run(i, 1000, Commit(i)));
            }

            Assert.Equal(4, store.Thin(2));
            Assert.Equal([Commit(4), Commit(5)], store.Entries().Select(e => e.Commit));
            Assert.Equal(0, store.Thin(2));
        }

        Assert.Equal(4, Directory.EnumerateFiles(Path.Combine(dir.Path, "store", "runs")).Count());
    }

    [Fact]
    public void AcknowledgementsAreKeptOnceEach()
    {
        using var dir = new TempDirectory();
        var repo = GitRepository(dir.Path);
        foreach (var store in new[] { HistoryStore.Open(Path.Combine(dir.Path, "store")), HistoryStore.Open("git:data", repo) })
        {
            Add(store, Run(0, 1000, Commit(0)));
            var ack = new Acknowledgement("Sample.Parse", HistoryMetric.Time, "00aa", "the new parser is worth it");
            store.Acknowledge(ack);
            store.Acknowledge(ack);
            Assert.Equal([ack], store.Acknowledgements());
        }
    }

    [Fact]
    public void AFolderThatIsNotAStoreIsRefusedAndLeftAlone()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "notes.txt"), "mine");
        var store = HistoryStore.Open(dir.Path);
        var e = Assert.Throws<InputException>(() => Add(store, Run(0, 1000, Commit(0))));
        Assert.Contains("is not a perfgate history store", e.Message);
        Assert.Throws<InputException>(() => store.Entries());
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName));
        Assert.Contains("no such history store", Assert.Throws<InputException>(() => HistoryStore.Open(Path.Combine(dir.Path, "none")).Entries()).Message);
    }

    [Fact]
    public void ACorruptEntryNamesItsFileAndField()
    {
        using var dir = new TempDirectory();
        var folder = Path.Combine(dir.Path, "store");
        var store = HistoryStore.Open(folder);
        Add(store, Run(0, 1000, Commit(0)));
        var file = Directory.EnumerateFiles(Path.Combine(folder, "runs"), "*.json").Single();
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"metric\":\"time\"", "\"metric\":\"speed\""));
        var e = Assert.Throws<InputException>(() => store.Entries());
        Assert.Contains(Path.GetFileName(file), e.Message);
        Assert.Contains("metric", e.Message);
        Assert.Contains("speed", e.Message);
    }

    [Fact]
    public void AHostileBranchNameIsRefused()
    {
        using var dir = new TempDirectory();
        var repo = GitRepository(dir.Path);
        Assert.Throws<InputException>(() => HistoryStore.Open("git:--upload-pack=touch", repo));
        Assert.Throws<InputException>(() => HistoryStore.Open("git:a..b", repo));
        Assert.Throws<InputException>(() => HistoryStore.Open("git:data", repo, "--exec=x"));
        Assert.Throws<InputException>(() => HistoryStore.Open("git:data", dir.Path + "/nowhere-" + Guid.NewGuid()));
    }

    internal static string GitRepository(string parent)
    {
        var repo = Path.Combine(parent, "repo");
        Directory.CreateDirectory(repo);
        Git(repo, "init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(repo, "README"), "code\n");
        Git(repo, "add", "README");
        Git(repo, "-c", "user.name=t", "-c", "user.email=t@localhost", "commit", "-qm", "code");
        return repo;
    }

    internal static string Git(string directory, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"git {string.Join(' ', args)}: {error.Result}");
        return output.Result.Trim();
    }
}
