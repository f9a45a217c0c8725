using System.Text.RegularExpressions;

namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>Builds a benchmark project in Release with the real <c>dotnet build</c>.</summary>
public static partial class ProjectBuilder
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Builds <paramref name="project"/>; a project that does not build throws <see cref="RunFailedException"/> with the compiler's first errors.</summary>
    public static async Task<BuiltProject> BuildAsync(string project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var path = Path.GetFullPath(project);
        if (Directory.Exists(path))
        {
            var candidates = Directory.GetFiles(path, "*.csproj");
            path = candidates.Length == 1
                ? candidates[0]
                : throw new InputException(project, null, candidates.Length == 0 ? "holds no .csproj file" : "holds several .csproj files; name one");
        }

        if (!File.Exists(path))
        {
            throw new InputException(project, null, "project file not found");
        }

        var build = await ChildProcess.RunAsync("dotnet", ["build", path, "-c", "Release", "-nologo", "-v", "q", "-clp:NoSummary"],
            Path.GetDirectoryName(path), null, BuildTimeout, cancellationToken).ConfigureAwait(false);
        if (build.ExitCode != 0)
        {
            var errors = build.Output.Select(l => ErrorLine().Match(l)).Where(m => m.Success).Select(m => m.Value.Trim()).Distinct().Take(3).ToList();
            var detail = errors.Count > 0 ? string.Join(" | ", errors) : build.TimedOut ? "timed out" : build.Output.Count > 0 ? build.Output[^1] : "no output";
            throw new RunFailedException($"{project} does not build: {detail}");
        }

        var query = await ChildProcess.RunAsync("dotnet", ["msbuild", path, "-getProperty:TargetPath", "-p:Configuration=Release", "-nologo"],
            Path.GetDirectoryName(path), null, BuildTimeout, cancellationToken).ConfigureAwait(false);
        var assembly = query.Output.Select(l => l.Trim()).LastOrDefault(l => l.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
        if (query.ExitCode != 0 || assembly is null || !File.Exists(assembly))
        {
            throw new RunFailedException($"{project} built, but its output assembly could not be found");
        }

        return new BuiltProject(path, assembly);
    }

    // "File.cs(12,5): error CS1002: ; expected [proj.csproj]" — keep the file, position, code and message.
    [GeneratedRegex(@"[^\s].*?: error [A-Z]+[0-9]+: [^\[]*", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorLine();
}
