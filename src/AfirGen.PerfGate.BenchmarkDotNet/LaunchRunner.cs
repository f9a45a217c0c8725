using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>
/// Runs one launch of a set of benchmarks: a BenchmarkDotNet host process with its own command line, its JSON export
/// read back. A benchmark that crashes or hangs the process is recorded as failed and the rest run in a new process.
/// </summary>
internal sealed class LaunchRunner(BuiltProject project, BenchmarkJob job, TimeSpan timeout, string workDirectory)
{
    private const string BenchmarkMarker = "// Benchmark: ";
    private int _sequence;

    /// <summary>Called with the name of each benchmark as it starts.</summary>
    public Action<string>? OnBenchmarkStarted { get; init; }

    /// <summary>Lists the benchmark methods (Namespace.Type.Method) that any of the filter's globs selects.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(IReadOnlyList<string>? filter, CancellationToken cancellationToken)
    {
        var outcome = await ChildProcess.RunAsync("dotnet", [project.AssemblyPath, "--list", "flat", "--filter", .. filter ?? ["*"]],
            Path.GetDirectoryName(project.AssemblyPath), null, TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
        {
            throw new RunFailedException($"{project.ProjectPath}: listing its benchmarks failed: {(outcome.Output.Count > 0 ? outcome.Output[^1] : "no output")}");
        }

        return outcome.Output.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal) && !l.Contains(' ', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Runs every method in <paramref name="methods"/> once; the result has one entry per benchmark case, failed ones included.</summary>
    public async Task<ResultSet> RunAsync(IReadOnlyList<string> methods, CancellationToken cancellationToken)
    {
        var results = new List<BenchmarkResult>();
        var pending = methods.ToList();
        EnvironmentFingerprint? environment = null;
        while (pending.Count > 0)
        {
            var artifacts = Path.Combine(workDirectory, $"launch-{Interlocked.Increment(ref _sequence)}");
            string? running = null;
            var outcome = await ChildProcess.RunAsync("dotnet", Arguments(pending, artifacts), Path.GetDirectoryName(project.AssemblyPath), line =>
            {
                if (line.StartsWith(BenchmarkMarker, StringComparison.Ordinal))
                {
                    running = MarkerName(line);
                    OnBenchmarkStarted?.Invoke(running);
                }
            }, timeout, cancellationToken).ConfigureAwait(false);

            var set = ReadResults(artifacts);
            environment ??= set?.Environment;
            // BenchmarkDotNet's export says only that a failed benchmark has no measurements; its output says why.
            var finished = (set?.Benchmarks ?? []).Select(b => b.Status == BenchmarkStatus.Failed
                ? b with { Error = Failure(outcome, pending.FirstOrDefault(m => BelongsTo(b.Id, m)) ?? b.Id) }
                : b).ToList();
            results.AddRange(finished);
            var done = pending.Where(m => finished.Any(b => BelongsTo(b.Id, m))).ToList();
            pending.RemoveAll(done.Contains);
            if (pending.Count == 0)
            {
                break;
            }

            // The process ended with benchmarks not run: the one running when it died is the culprit; the others get a new process.
            var culprit = pending.FirstOrDefault(m => running is not null && IsMarkerFor(m, running)) ?? pending[0];
            results.Add(new BenchmarkResult { Id = culprit, Status = BenchmarkStatus.Failed, Error = Failure(outcome, culprit) });
            pending.Remove(culprit);
            if (outcome.ExitCode == 0 && !outcome.TimedOut)
            {
                // A clean exit without results means the others will not produce any either.
                results.AddRange(pending.Select(m => new BenchmarkResult { Id = m, Status = BenchmarkStatus.Failed, Error = Failure(outcome, m) }));
                break;
            }
        }

        return new ResultSet { CreatedAt = DateTimeOffset.UtcNow, Environment = environment ?? EnvironmentFingerprint.Unknown, Benchmarks = results };
    }

    private static string MarkerName(string line)
    {
        var name = line[BenchmarkMarker.Length..];
        return name[..Math.Max(0, name.IndexOf(':', StringComparison.Ordinal))];
    }

    /// <summary>Whether a result id (with parameters) is a case of a listed method.</summary>
    public static bool BelongsTo(string id, string method) =>
        id.Length == method.Length ? id == method : id.StartsWith(method, StringComparison.Ordinal) && id[method.Length] == '(';

    // BenchmarkDotNet's progress lines name a benchmark as Type.Method, without its namespace.
    private static bool IsMarkerFor(string method, string marker) =>
        method == marker || method.EndsWith("." + marker, StringComparison.Ordinal);

    private List<string> Arguments(IReadOnlyList<string> methods, string artifacts)
    {
        var args = new List<string> { project.AssemblyPath, "--filter" };
        args.AddRange(methods);
        args.AddRange(["--memory", "--exporters", "json", "--artifacts", artifacts, "--disableLogFile"]);
        args.AddRange(job.Arguments);
        return args;
    }

    private ResultSet? ReadResults(string artifacts)
    {
        var dir = Path.Combine(artifacts, "results");
        return Directory.Exists(dir) && Directory.EnumerateFiles(dir, "*.json").Any() ? BenchmarkDotNetReader.ReadDirectory(dir, job.IsOwn) : null;
    }

    private static string Failure(ChildProcess.Outcome outcome, string method)
    {
        if (outcome.TimedOut)
        {
            return "timed out: the benchmark process was stopped";
        }

        // BenchmarkDotNet prints the exception a benchmark threw; the first such line is the most useful one.
        var start = outcome.Output.ToList().FindLastIndex(l => l.StartsWith(BenchmarkMarker, StringComparison.Ordinal)
            && IsMarkerFor(method, MarkerName(l)));
        var block = outcome.Output.Skip(Math.Max(0, start)).Skip(1).TakeWhile(l => !l.StartsWith(BenchmarkMarker, StringComparison.Ordinal)).ToList();
        // A reflection wrapper comes first; the innermost "---> X: message" is what the benchmark threw.
        var exception = block.LastOrDefault(l => l.TrimStart().StartsWith("--->", StringComparison.Ordinal))?.Trim()[4..]
            ?? block.FirstOrDefault(l => l.Contains("Exception", StringComparison.Ordinal));
        var reason = exception?.Trim() ?? (outcome.ExitCode != 0 ? $"the benchmark process exited with code {outcome.ExitCode}" : "produced no measurements");
        return reason.Length > 300 ? reason[..300] + "…" : reason;
    }
}
