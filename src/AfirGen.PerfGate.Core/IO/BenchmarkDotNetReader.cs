using System.Globalization;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.IO;

/// <summary>Reads BenchmarkDotNet JSON exports (full, full-compressed, default and brief) into a <see cref="ResultSet"/>.</summary>
public static class BenchmarkDotNetReader
{
    // Richest first: when one run was exported several ways, the export with raw measurements wins.
    private static readonly string[] ReportSuffixes =
        ["-report-full.json", "-report-full-compressed.json", "-report.json", "-report-brief.json", "-report-brief-compressed.json"];

    /// <summary>Reads one BenchmarkDotNet JSON export; bad input throws <see cref="InputException"/>.</summary>
    public static ResultSet Read(string path) => JsonSource.Read(path, BenchmarkDotNetReport.Read);

    /// <summary>Parses BenchmarkDotNet JSON text; <paramref name="sourceName"/> names it in errors.</summary>
    public static ResultSet Parse(string json, string sourceName) => JsonSource.Parse(json, sourceName, BenchmarkDotNetReport.Read);

    /// <summary>Reads every BenchmarkDotNet JSON export under <paramref name="directory"/> (recursively) as one result set.</summary>
    public static ResultSet ReadDirectory(string directory) => ReadDirectory(directory, runnersJob: null);

    /// <summary>
    /// Reads every BenchmarkDotNet JSON export under <paramref name="directory"/> as one result set. A benchmark run
    /// under several jobs is a result per job, the job its last parameter, except the job <paramref name="runnersJob"/>
    /// recognises by its display (the one the runner asked for), which keeps the benchmark's plain name.
    /// </summary>
    public static ResultSet ReadDirectory(string directory, Func<string, bool>? runnersJob)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new InputException(directory, null, File.Exists(directory) ? "is a file, expected a directory" : "directory not found");
        }

        var files = ReportFiles(directory);
        if (files.Count == 0)
        {
            throw new InputException(directory, null, $"no BenchmarkDotNet JSON reports ({string.Join(", ", ReportSuffixes.Select(s => "*" + s))}) found");
        }

        return Merge(files.Select(f => (f, JsonSource.Read(f, root => BenchmarkDotNetReport.Read(root, runnersJob)))).ToList());
    }

    /// <summary>Whether a file name looks like a BenchmarkDotNet JSON export.</summary>
    internal static bool IsReportFileName(string path) => SuffixRank(Path.GetFileName(path)) >= 0;

    private static List<string> ReportFiles(string directory)
    {
        try
        {
            // One export per run (its stem): the full and the compressed export of the same run are the same benchmarks.
            return Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
                .Where(IsReportFileName)
                .GroupBy(Stem, StringComparer.Ordinal)
                .Select(g => g.OrderBy(f => SuffixRank(Path.GetFileName(f))).First())
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(directory, null, $"cannot list: {e.Message}", e);
        }
    }

    private static int SuffixRank(string name) =>
        Array.FindIndex(ReportSuffixes, s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase) && name.Length > s.Length);

    private static string Stem(string path)
    {
        var name = Path.GetFileName(path);
        return Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, name[..^ReportSuffixes[SuffixRank(name)].Length]);
    }

    private static ResultSet Merge(List<(string File, ResultSet Results)> parts)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var (firstFile, first) = parts[0];
        foreach (var (file, results) in parts)
        {
            var diff = first.Environment.Differences(results.Environment);
            if (diff.Count > 0)
            {
                var (field, a, b) = diff[0];
                throw new InputException(file, "$.HostEnvironmentInfo", $"measured on a different environment than {firstFile}: {field} \"{b}\" vs \"{a}\"");
            }

            foreach (var benchmark in results.Benchmarks)
            {
                if (!owners.TryAdd(benchmark.Id, file))
                {
                    throw new InputException(file, null, $"duplicate benchmark id \"{benchmark.Id}\", also in {owners[benchmark.Id]}");
                }
            }
        }

        return new ResultSet
        {
            CreatedAt = parts.Max(p => p.Results.CreatedAt),
            Environment = first.Environment,
            Benchmarks = parts.SelectMany(p => p.Results.Benchmarks).ToList(),
        };
    }

    /// <summary>The "yyyyMMdd-HHmmss" stamp BenchmarkDotNet puts at the end of a summary title, in local time.</summary>
    internal static DateTimeOffset TitleTimestamp(string? title)
    {
        const string format = "yyyyMMdd-HHmmss";
        return title is { Length: > 15 }
            && DateTime.TryParseExact(title[^format.Length..], format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var local)
            ? new DateTimeOffset(local)
            : default;
    }
}
