using System.Diagnostics;
using System.Reflection;

namespace AfirGen.PerfGate.BenchmarkDotNet.Interleaved;

/// <summary>One benchmark case as discovered: its identity, and how to make it ready to be timed.</summary>
/// <param name="Id">The id BenchmarkDotNet gives it: Namespace.Type.Method(argument: value, …, Param: value, …).</param>
/// <param name="Method">The benchmark method's name as <c>--list flat</c> prints it: Namespace.Type.Method.</param>
/// <param name="Prepare">Creates the instance, sets its parameters and runs its global setup.</param>
internal sealed record BenchmarkCase(string Id, string Method, Func<PreparedCase> Prepare);

/// <summary>A benchmark with its parameters set and its global setup done, timed batch by batch.</summary>
internal sealed class PreparedCase(Func<long, long> loop, Func<long, long> emptyLoop, Action? iterationSetup, Action? iterationCleanup, Action? globalCleanup)
{
    /// <summary>Whether the benchmark has an iteration setup or cleanup: each invocation is then timed alone, between them.</summary>
    public bool PerInvocation => iterationSetup is not null || iterationCleanup is not null;

    /// <summary>The elapsed time of <paramref name="operations"/> calls, in nanoseconds.</summary>
    public double Time(long operations) => Run(loop, operations, setups: true);

    /// <summary>The elapsed time of <paramref name="operations"/> calls of an empty method of the same shape, in nanoseconds: the harness overhead.</summary>
    public double TimeEmpty(long operations) => Run(emptyLoop, operations, setups: false);

    /// <summary>Runs the benchmark's global cleanup, if it has one.</summary>
    public void Cleanup() => Invoke(globalCleanup);

    private double Run(Func<long, long> timed, long operations, bool setups)
    {
        if (!PerInvocation)
        {
            return Nanoseconds(timed(operations));
        }

        // As BenchmarkDotNet does with an iteration setup: one invocation per iteration, the setup and cleanup
        // outside the timed region; the batch is the sum of its invocations.
        long ticks = 0;
        for (long i = 0; i < operations; i++)
        {
            if (setups)
            {
                Invoke(iterationSetup);
            }

            ticks += timed(1);
            if (setups)
            {
                Invoke(iterationCleanup);
            }
        }

        return Nanoseconds(ticks);
    }

    private static double Nanoseconds(long ticks) => ticks * (1e9 / Stopwatch.Frequency);

    private static void Invoke(Action? action)
    {
        try
        {
            action?.Invoke();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }
}
