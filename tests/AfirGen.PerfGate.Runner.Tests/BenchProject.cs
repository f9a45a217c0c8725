using System.Diagnostics;

namespace AfirGen.PerfGate.Runner.Tests;

/// <summary>Writes a small real BenchmarkDotNet project into a folder, from C# source the test gives.</summary>
internal static class BenchProject
{
    public const string Program = """
        using BenchmarkDotNet.Running;
        BenchmarkSwitcher.FromAssembly(typeof(Marker).Assembly).Run(args);
        public sealed class Marker { }
        """;

    /// <summary>Work whose cost scales with <paramref name="rounds"/>: a slowdown is a larger number.</summary>
    public static string Work(int rounds) => $$"""
        using BenchmarkDotNet.Attributes;
        namespace Sample;
        public class Work
        {
            private readonly int[] _data = System.Linq.Enumerable.Range(1, 512).ToArray();

            [Benchmark]
            public long Sum()
            {
                long s = 0;
                for (var r = 0; r < {{rounds}}; r++)
                    foreach (var d in _data) s += d ^ r;
                return s;
            }
        }
        """;

    public static string Create(string directory, params (string File, string Source)[] sources)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Sample.Benchmarks.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="BenchmarkDotNet" Version="0.15.8" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
        foreach (var (file, source) in sources)
        {
            File.WriteAllText(Path.Combine(directory, file), source);
        }

        return Path.Combine(directory, "Sample.Benchmarks.csproj");
    }

    /// <summary>Runs git in <paramref name="directory"/> and fails the test if it fails; returns what it printed, trimmed.</summary>
    public static string Git(string directory, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["GIT_AUTHOR_NAME"] = psi.Environment["GIT_COMMITTER_NAME"] = "perfgate tests";
        psi.Environment["GIT_AUTHOR_EMAIL"] = psi.Environment["GIT_COMMITTER_EMAIL"] = "tests@perfgate.invalid";
        using var p = System.Diagnostics.Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"git {string.Join(' ', args)}: {err.Result}");
        return output.Trim();
    }
}
