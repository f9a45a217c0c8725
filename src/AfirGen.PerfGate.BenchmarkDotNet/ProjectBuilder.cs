using System.Text.RegularExpressions;

namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>Builds a benchmark project in Release with the real <c>dotnet build</c>.</summary>
public static partial class ProjectBuilder
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Builds <paramref name="project"/>; a project that does not build throws <see cref="RunFailedException"/> with the compiler's first errors.</summary>
    public static Task<BuiltProject> BuildAsync(string project, CancellationToken cancellationToken) => BuildAsync(project, null, cancellationToken);

    /// <summary>
    /// Builds <paramref name="project"/> for <paramref name="framework"/>, or for its one target framework; a project
    /// with several (<c>&lt;TargetFrameworks&gt;</c>) is built for the newest .NET among them that this runtime runs.
    /// </summary>
    public static async Task<BuiltProject> BuildAsync(string project, string? framework, CancellationToken cancellationToken)
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

        var frameworks = await PropertyAsync(path, null, "TargetFrameworks", cancellationToken).ConfigureAwait(false);
        var listed = (frameworks ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? chosen = null;
        if (framework is not null)
        {
            chosen = listed.Length == 0 || listed.Contains(framework, StringComparer.OrdinalIgnoreCase)
                ? framework
                : throw new InputException("--framework", null, $"'{framework}' is not one of {project}'s target frameworks ({string.Join(", ", listed)})");
        }
        else if (listed.Length > 1)
        {
            chosen = Newest(listed) ?? throw new InputException(project, "--framework",
                $"targets {string.Join(", ", listed)}, none of which is a .NET this runtime ({Environment.Version.ToString(2)}) runs; choose one with --framework");
        }
        else if (listed.Length == 1)
        {
            chosen = listed[0];
        }

        string[] tfm = chosen is null ? [] : ["-f", chosen];
        var build = await ChildProcess.RunAsync("dotnet", ["build", path, "-c", "Release", "-nologo", "-v", "q", "-clp:NoSummary", .. tfm],
            Path.GetDirectoryName(path), null, BuildTimeout, cancellationToken).ConfigureAwait(false);
        if (build.ExitCode != 0)
        {
            var errors = build.Output.Select(l => ErrorLine().Match(l)).Where(m => m.Success).Select(m => m.Value.Trim()).Distinct().Take(3).ToList();
            var detail = errors.Count > 0 ? string.Join(" | ", errors) : build.TimedOut ? "timed out" : build.Output.Count > 0 ? build.Output[^1] : "no output";
            throw new RunFailedException($"{project} does not build: {detail}");
        }

        var assembly = await PropertyAsync(path, chosen, "TargetPath", cancellationToken).ConfigureAwait(false);
        if (assembly is null || !assembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || !File.Exists(assembly))
        {
            throw new RunFailedException($"{project} built, but its output assembly could not be found");
        }

        return new BuiltProject(path, assembly) { Framework = chosen };
    }

    /// <summary>The newest netN.M among <paramref name="frameworks"/> whose major version this runtime can run.</summary>
    internal static string? Newest(IEnumerable<string> frameworks) => frameworks
        .Select(f => (Name: f, Version: NetVersion().Match(f)))
        .Where(f => f.Version.Success && Version.TryParse(f.Version.Groups[1].Value, out var v) && v.Major <= Environment.Version.Major)
        .OrderByDescending(f => Version.Parse(f.Version.Groups[1].Value))
        .Select(f => f.Name)
        .FirstOrDefault();

    internal static async Task<string?> PropertyAsync(string project, string? framework, string property, CancellationToken cancellationToken)
    {
        string[] tfm = framework is null ? [] : [$"-p:TargetFramework={framework}"];
        var query = await ChildProcess.RunAsync("dotnet", ["msbuild", project, $"-getProperty:{property}", "-p:Configuration=Release", "-nologo", .. tfm],
            Path.GetDirectoryName(project), null, BuildTimeout, cancellationToken).ConfigureAwait(false);
        var value = query.ExitCode == 0 ? query.Output.Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) : null;
        return string.IsNullOrEmpty(value) ? null : value;
    }

    // net8.0, net10.0 (not netstandard2.0 or net48, which a .NET runtime does not run as an executable).
    [GeneratedRegex(@"^net(\d+\.\d+)(-.*)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NetVersion();

    // "File.cs(12,5): error CS1002: ; expected [proj.csproj]" — keep the file, position, code and message.
    [GeneratedRegex(@"[^\s].*?: error [A-Z]+[0-9]+: [^\[]*", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorLine();
}
