using System.Diagnostics;
using AfirGen.PerfGate.Config.Scenarios;
using AfirGen.PerfGate.Load.Sampling;

namespace AfirGen.PerfGate.Load.Engine;

/// <summary>Runs one load level: warmup, then the measured phase with one recorder per worker, merged at the end.</summary>
public static class LoadEngine
{
    /// <summary>Most workers given a thread each; larger levels share the thread pool asynchronously.</summary>
    public const int MaxDedicatedThreads = 256;

    /// <summary>Runs the level against an open session and returns what was measured.</summary>
    public static async Task<LevelMeasurement> RunAsync(ILoadSession session, LevelPlan plan, int? targetProcessId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(plan);
        var workers = new List<ILoadWorker>(plan.Workers);
        try
        {
            for (var i = 0; i < plan.Workers; i++)
            {
                workers.Add(await session.CreateWorkerAsync(i, cancellationToken).ConfigureAwait(false));
            }

            if (!plan.Warmup.IsNone)
            {
                await RunPhaseAsync(workers, plan, plan.Warmup, cancellationToken).ConfigureAwait(false);
            }

            await session.BeginMeasureAsync(cancellationToken).ConfigureAwait(false);
            await using var sampler = SystemSampler.Start(targetProcessId);
            var started = Stopwatch.GetTimestamp();
            var (recorders, schedule) = await RunPhaseAsync(workers, plan, plan.Measure, cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var system = await sampler.StopAsync().ConfigureAwait(false);
            var report = await session.EndMeasureAsync(cancellationToken).ConfigureAwait(false);
            return LevelMeasurement.Merge(plan, recorders, elapsed, plan.Rate is null ? null : schedule.Total - schedule.Issued, report, system);
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<(WorkerRecorder[] Recorders, Schedule Schedule)> RunPhaseAsync(
        List<ILoadWorker> workers, LevelPlan plan, LoadAmount amount, CancellationToken cancellationToken)
    {
        var recorders = workers.Select(_ => new WorkerRecorder()).ToArray();
        var schedule = plan.Rate is { } rate ? Schedule.Open(amount, rate) : Schedule.Closed(amount);
        var lateTicks = Schedule.Ticks(plan.LateAllowance);
        var blocking = workers.Count <= MaxDedicatedThreads && workers.TrueForAll(w => w is IBlockingLoadWorker);
        var loops = workers.Select((w, i) =>
        {
            var worker = blocking ? new OnOwnThread((IBlockingLoadWorker)w) : w;
            Func<Task> loop = plan.Rate is null
                ? () => ClosedLoopAsync(worker, recorders[i], schedule, cancellationToken)
                : () => OpenLoopAsync(worker, recorders[i], schedule, lateTicks, blocking, cancellationToken);
            // On its own thread every await of the loop completes synchronously, so the loop never leaves that thread.
            return blocking
                ? Task.Factory.StartNew(() => loop().GetAwaiter().GetResult(), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                : Task.Run(loop, cancellationToken);
        });
        await Task.WhenAll(loops).ConfigureAwait(false);
        return (recorders, schedule);
    }

    private static async Task ClosedLoopAsync(ILoadWorker worker, WorkerRecorder recorder, Schedule schedule, CancellationToken cancellationToken)
    {
        while (schedule.TryTake())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            var outcome = await worker.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            recorder.Record(outcome, Stopwatch.GetTimestamp() - start);
        }
    }

    private static async Task OpenLoopAsync(ILoadWorker worker, WorkerRecorder recorder, Schedule schedule, long lateTicks, bool blocking, CancellationToken cancellationToken)
    {
        while (schedule.TryTake(out var intended))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = Stopwatch.GetTimestamp();
            var wasFree = now <= intended;
            var wait = intended - now;
            if (wait > Schedule.Ticks(TimeSpan.FromMilliseconds(1)))
            {
                var delay = TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency);
                if (blocking)
                {
                    cancellationToken.WaitHandle.WaitOne(delay);
                    cancellationToken.ThrowIfCancellationRequested();
                }
                else
                {
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
            }

            var start = Stopwatch.GetTimestamp();
            // Late only when the worker was free and still started late: the generator's fault, not the target's.
            if (wasFree && start - intended > lateTicks)
            {
                recorder.LateStarts++;
            }

            var outcome = await worker.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            // Coordinated omission: latency runs from the intended start, so a backlog the target caused is measured, not hidden.
            var end = Stopwatch.GetTimestamp();
            recorder.Record(outcome, end - Math.Min(intended, start));
        }
    }

    /// <summary>A blocking worker seen as an asynchronous one whose operations have always completed.</summary>
    private sealed class OnOwnThread(IBlockingLoadWorker worker) : ILoadWorker
    {
        public ValueTask<OperationOutcome> ExecuteAsync(CancellationToken cancellationToken) => new(worker.Execute(cancellationToken));

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
