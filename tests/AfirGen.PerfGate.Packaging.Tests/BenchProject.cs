using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Packaging.Tests;

/// <summary>A class library that references AfirGen.PerfGate.MSBuild from the test feed, with a benchmark class and results files beside it.</summary>
internal sealed class BenchProject
{
    public const string BenchmarkId = "Bench.Suite.Parse";

    // The line of `Parse` in Suite.cs below: where PERF0001 must point.
    public const int ParseLine = 5;

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

    /// <summary>Writes results of the benchmark whose iterations centre on <paramref name="nanoseconds"/>, 10 launches of 10, ±0.5% jitter.</summary>
    public string WriteResults(string name, double nanoseconds, int seed)
    {
        var rng = new Random(seed);
        var launches = Enumerable.Range(0, 10)
            .Select(_ => new Launch(Enumerable.Range(0, 10).Select(_ => nanoseconds * (1 + (0.01 * (rng.NextDouble() - 0.5)))).ToArray()))
            .ToArray();
        var set = new ResultSet
        {
            CreatedAt = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero),
            Environment = new EnvironmentFingerprint { Os = "Linux", Cores = 2 },
            Benchmarks = [new BenchmarkResult { Id = BenchmarkId, Launches = launches, Memory = new MemoryInfo(64, 0.5, 0, 0) }],
        };
        var path = PathOf(name);
        File.WriteAllText(path, ResultsJson.Serialize(set));
        return path;
    }

    /// <summary><c>dotnet build</c> of the project with the given extra arguments (properties, targets, verbosity).</summary>
    public Dotnet.Outcome Build(params string[] args) =>
        Dotnet.Run(Directory, feed.Environment, ["build", "-nologo", "--disable-build-servers", .. args]);
}
