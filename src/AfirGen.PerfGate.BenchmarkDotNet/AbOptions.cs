using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>What `perfgate ab` compares and how.</summary>
public sealed record AbOptions
{
    /// <summary>The benchmark project, as a path in the current checkout (the same path is used in both revisions).</summary>
    public required string Project { get; init; }

    /// <summary>The base revision; null when <see cref="BaseProject"/> names a checkout already on disk.</summary>
    public string? BaseRef { get; init; }

    /// <summary>The base side as a project already on disk (no git): for comparing two checkouts, or trials that reuse builds.</summary>
    public string? BaseProject { get; init; }

    /// <summary>The head revision; null compares against the working tree as it is, uncommitted changes included.</summary>
    public string? HeadRef { get; init; }

    /// <summary>Process rounds (without interleaving): each runs base and head once, in alternating order.</summary>
    public int Rounds { get; init; } = 10;

    /// <summary>Load base and head side by side in one process and time them in alternating millisecond batches (the quick job's way).</summary>
    public bool Interleave { get; init; } = true;

    /// <summary>Worker processes when interleaving: each is one A/B round.</summary>
    public int Processes { get; init; } = 12;

    /// <summary>
    /// When interleaving, the ids of the benchmarks the results so far leave undecided; each is given another look of
    /// <see cref="Processes"/> worker rounds while the <see cref="Budget"/> allows. Null runs one look.
    /// </summary>
    public Func<ResultSet, ResultSet, IReadOnlyCollection<string>>? Undecided { get; init; }

    /// <summary>The time the interleaved looks may take: a further look starts only when its expected duration still fits.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Alternating batch pairs per benchmark in each worker process when interleaving.</summary>
    public int Pairs { get; init; } = 50;

    /// <summary>The program that hosts an interleaving worker: the perfgate tool's own entry assembly, run with its worker command.</summary>
    public IReadOnlyList<string> WorkerCommand { get; init; } = [];

    /// <summary>Environment variables set for each interleaving worker, on top of this process's own.</summary>
    public IReadOnlyDictionary<string, string> WorkerEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Filter, job settings, shard, timeout and progress, as for a plain run; the job's launch count is replaced by the rounds.</summary>
    public MicroRunOptions Run { get; init; } = new();
}
