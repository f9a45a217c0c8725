using System.Diagnostics;

namespace AfirGen.PerfGate.BenchmarkDotNet.Interleaved;

/// <summary>One benchmark, with its parameters set and its global setup done, ready to be timed batch by batch.</summary>
/// <param name="Id">The id BenchmarkDotNet would give it: Namespace.Type.Method(Param: value, …).</param>
/// <param name="Method">The benchmark method's name as <c>--list flat</c> prints it: Namespace.Type.Method.</param>
/// <param name="Invoke">Calls the benchmark once and returns its result.</param>
internal sealed record BenchmarkCase(string Id, string Method, Func<object?> Invoke)
{
    private static object? _sink;

    /// <summary>Runs <paramref name="operations"/> calls and returns the elapsed time in nanoseconds.</summary>
    public double Time(int operations)
    {
        object? last = null;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < operations; i++)
        {
            last = Invoke();
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        // Keeping the last result reachable stops the JIT from treating the calls as dead code.
        Volatile.Write(ref _sink, last);
        return elapsed.Ticks * 100.0;
    }
}
