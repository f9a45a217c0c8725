namespace AfirGen.PerfGate.Packaging.Tests;

/// <summary>
/// Both packages packed once from source, with a version no cache has seen, into a temporary feed; plus a NuGet
/// cache and a nuget.config of their own, so that every test restores exactly what a user would download.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    public PackageFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "perfgate-packaging-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        Version = "0.1.0-test." + Guid.NewGuid().ToString("N")[..12];
        Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget-packages") };

        // Built under the temporary folder (--artifacts-path) so that the repository's bin/ and obj/ are left as they are.
        var build = Path.Combine(Root, "build");
        foreach (var project in new[] { "src/AfirGen.PerfGate.MSBuild", "src/AfirGen.PerfGate.Cli" })
        {
            var pack = Dotnet.Run(RepoRoot, new Dictionary<string, string>(),
                "pack", project, "-c", "Release", "-o", Feed, "--artifacts-path", build, $"-p:Version={Version}", "-nologo", "--disable-build-servers");
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed:\n{pack}");
            }
        }

        // Adds the feed to the machine's own sources (no <clear/>): restore still reaches whatever mirror this machine uses.
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="perfgate-test-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    /// <summary>The repository, found from the test assembly's folder.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The temporary folder everything lives in; projects made under it see its nuget.config.</summary>
    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    /// <summary>Environment for every dotnet process of the tests: the private NuGet cache.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    /// <summary>A new folder under <see cref="Root"/>.</summary>
    public string NewFolder(string name)
    {
        var path = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the run over it would hide the real results.
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AfirGen.PerfGate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AfirGen.PerfGate.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackages : ICollectionFixture<PackageFeed>
{
    public const string Name = "packed packages";
}
