using System.CommandLine;
using AfirGen.PerfGate.BenchmarkDotNet;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary>The options that shape how BenchmarkDotNet projects are run, shared by <c>run</c> and <c>ab</c>.</summary>
internal sealed class MicroOptions
{
    public Option<string[]> Filter { get; } = new("--filter")
    {
        Description = "Globs over Namespace.Type.Method, as BenchmarkDotNet's --filter: a benchmark any of them matches runs (--filter '*Parse*' '*Format*')",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string> Job { get; } = new("--job") { Description = "quick (tuned for CI) or default (BenchmarkDotNet's default job)", DefaultValueFactory = _ => "quick" };

    public Option<int?> Launches { get; } = new("--launches") { Description = "Processes per benchmark for run (default: the job's)" };

    public Option<string?> Shard { get; } = new("--shard") { Description = "Run only slice I of N, e.g. 2/4; stable when benchmarks are added" };

    public Option<int> Timeout { get; } = new("--timeout") { Description = "Seconds a benchmark process may print nothing before it is stopped as hung", DefaultValueFactory = _ => 180 };

    public Option<string?> Framework { get; } = new("--framework")
    {
        Description = "Target framework of a project with <TargetFrameworks> (default: the newest .NET among them that this runtime runs)",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Filter);
        command.Options.Add(Framework);
        command.Options.Add(Job);
        command.Options.Add(Launches);
        command.Options.Add(Shard);
        command.Options.Add(Timeout);
    }

    public MicroRunOptions Read(ParseResult parse)
    {
        var job = BenchmarkJob.Parse(parse.GetValue(Job)!, "--job");
        if (parse.GetValue(Launches) is { } launches)
        {
            job = launches >= 1 ? job.WithLaunches(launches) : throw new InputException("--launches", null, "must be at least 1");
        }

        var timeout = parse.GetValue(Timeout);
        return new MicroRunOptions
        {
            Filter = parse.GetValue(Filter) is { Length: > 0 } globs ? globs : null,
            Framework = parse.GetValue(Framework) is { } tfm ? (tfm.Trim().Length > 0 ? tfm.Trim() : throw new InputException("--framework", null, "is empty")) : null,
            Job = job,
            Shard = parse.GetValue(Shard) is { } s ? BenchmarkDotNet.Shard.Parse(s, "--shard") : null,
            IdleTimeout = timeout >= 1 ? TimeSpan.FromSeconds(timeout) : throw new InputException("--timeout", null, "must be at least 1 second"),
        };
    }
}
