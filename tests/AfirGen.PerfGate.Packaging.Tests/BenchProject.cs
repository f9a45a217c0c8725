using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Packaging.Tests;

/// <summary>A class library that references AfirGen.PerfGate.MSBuild from the test feed, with a benchmark class and results files beside it.</summary>
internal sealed class BenchProject
{
    public const string BenchmarkId = "Bench.Suite.Parse";

    // The line of `Parse` in Suite.cs below: where PERF0001 must point.
    public const int ParseLine = 5;

    /// <summary>The properties that point the gate at the files <see cref="WriteBaselineAndCurrent"/> writes.</summary>
    public static readonly string[] Inputs = ["-p:PerfGateResults=current.json", "-p:PerfGateBaseline=baseline.json"];

    private readonly PackageFeed feed;

    public BenchProject(PackageFeed feed, string name)
    {
        this.feed = feed;
        Directory = feed.NewFolder(name);
        File.WriteAllText(Path.Combine(Directory, "Bench.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AfirGen.PerfGate.MSBuild" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Directory, "Suite.cs"), """
            namespace Bench;

            public class Suite
            {
                public int Parse(string text) => text.Length;
            }
            """);
    }

    public string Directory { get; }

    public string SuiteFile => Path.Combine(Directory, "Suite.cs");

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Writes results@1 holding the one benchmark of Suite.cs, centred on <paramref name="nanoseconds"/> (see <see cref="Micro"/>); returns the path.</summary>
    public string WriteResults(string name, double nanoseconds, int seed)
    {
        var set = new ResultSet
        {
            CreatedAt = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero),
            Environment = new EnvironmentFingerprint { Os = "Linux", Cores = 2 },
            Benchmarks = [Micro(BenchmarkId, nanoseconds, seed)],
        };
        var path = PathOf(name);
        File.WriteAllText(path, ResultsJson.Serialize(set));
        return path;
    }

    /// <summary>A baseline centred on 100ns and current results centred on <paramref name="currentNanoseconds"/>, as baseline.json and current.json.</summary>
    public void WriteBaselineAndCurrent(double currentNanoseconds)
    {
        WriteResults("baseline.json", 100, seed: 1);
        WriteResults("current.json", currentNanoseconds, seed: 2);
    }

    /// <summary>A micro-benchmark of 10 launches of 10 iterations centred on <paramref name="center"/> ns, ±0.5% jitter.</summary>
    public static BenchmarkResult Micro(string id, double center, int seed, long allocated = 64)
    {
        var rng = new Random(seed);
        var launches = Enumerable.Range(0, 10)
            .Select(_ => new Launch(Enumerable.Range(0, 10).Select(_ => center * (1 + (0.01 * (rng.NextDouble() - 0.5)))).ToArray()))
            .ToArray();
        return new BenchmarkResult { Id = id, Launches = launches, Memory = new MemoryInfo(allocated, 0.5, 0, 0) };
    }

    /// <summary><c>dotnet build</c> of the project with the given extra arguments (properties, targets, verbosity).</summary>
    public Dotnet.Outcome Build(params string[] args) =>
        Dotnet.Run(Directory, feed.Environment, ["build", "-nologo", "--disable-build-servers", .. args]);
}
