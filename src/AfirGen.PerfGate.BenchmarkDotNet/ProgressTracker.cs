namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>Counts benchmark starts across processes and reports them as <see cref="RunProgress"/>.</summary>
internal sealed class ProgressTracker(Action<RunProgress>? report)
{
    private int _done;
    private string? _current;

    public string Stage { get; set; } = "";

    public int Total { get; set; }

    public void Started(string benchmark)
    {
        if (_current is not null)
        {
            Interlocked.Increment(ref _done);
        }

        _current = benchmark;
        report?.Invoke(new RunProgress(Stage, benchmark, Math.Min(_done, Total), Total));
    }

    public void Report(string stage)
    {
        Stage = stage;
        report?.Invoke(new RunProgress(stage, _current, Math.Min(_done, Total), Total));
    }
}
