namespace AfirGen.PerfGate.Packaging.Tests;

/// <summary>The tool as a user gets it: installed from the packed .nupkg into a tool path, then run.</summary>
[Collection(PackedPackages.Name)]
public sealed class ToolPackageTests(PackageFeed feed)
{
    [Fact]
    public void InstalledToolPrintsItsVersionAndCompares()
    {
        var tools = feed.NewFolder("tools");
        var install = Dotnet.Run(feed.Root, feed.Environment,
            "tool", "install", "AfirGen.PerfGate", "--tool-path", tools, "--add-source", feed.Feed, "--version", feed.Version);
        Assert.True(install.ExitCode == 0, install.ToString());
        var perfgate = Path.Combine(tools, "dotnet-perfgate");

        var version = Dotnet.Start(perfgate, feed.Root, feed.Environment, "--version");
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.StartsWith(feed.Version, version.Stdout.Trim(), StringComparison.Ordinal);

        var project = new BenchProject(feed, "tool-compare");
        var baseline = project.WriteResults("baseline.json", 100, seed: 1);
        var same = project.WriteResults("same.json", 100, seed: 2);
        var slower = project.WriteResults("slower.json", 120, seed: 3);
        var passed = Dotnet.Start(perfgate, project.Directory, feed.Environment, "compare", baseline, same, "--out", project.PathOf("out-same"));
        var failed = Dotnet.Start(perfgate, project.Directory, feed.Environment, "compare", baseline, slower, "--out", project.PathOf("out-slower"));

        Assert.True(passed.ExitCode == 0, passed.ToString());
        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.Contains(BenchProject.BenchmarkId, failed.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(project.PathOf("out-slower/report.html")), failed.ToString());
    }

    [Fact]
    public void BothPackagesCarryTheirReadmeLicenceAndRepository()
    {
        foreach (var id in new[] { "AfirGen.PerfGate", "AfirGen.PerfGate.MSBuild" })
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(feed.Package(id));
            Assert.NotNull(zip.GetEntry("README.md"));
            using var reader = new StreamReader(zip.GetEntry(id + ".nuspec")!.Open());
            var nuspec = reader.ReadToEnd();
            Assert.Contains("<license type=\"expression\">MIT</license>", nuspec, StringComparison.Ordinal);
            Assert.Contains("<readme>README.md</readme>", nuspec, StringComparison.Ordinal);
            Assert.Contains("<repository type=\"git\" url=\"https://github.com/afirgen/perfgate\"", nuspec, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TaskPackageKeepsItsAssembliesOutOfLibAndMSBuildOutOfThePackage()
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(feed.Package("AfirGen.PerfGate.MSBuild"));
        var names = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("tasks/net10.0/AfirGen.PerfGate.MSBuild.dll", names);
        Assert.Contains("tasks/net10.0/AfirGen.PerfGate.Core.dll", names);
        Assert.Contains("build/AfirGen.PerfGate.MSBuild.targets", names);
        Assert.Contains("buildTransitive/AfirGen.PerfGate.MSBuild.targets", names);
        Assert.DoesNotContain(names, n => n.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains("Microsoft.Build", StringComparison.Ordinal));
        using var reader = new StreamReader(zip.GetEntry("AfirGen.PerfGate.MSBuild.nuspec")!.Open());
        var nuspec = reader.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec, StringComparison.Ordinal);
        Assert.DoesNotContain("<dependencies>", nuspec, StringComparison.Ordinal);
    }
}
