using System.Runtime.InteropServices;

namespace AfirGen.PerfGate.Cli;

internal static class Program
{
    // How long a cancelled command has to write its partial results before the process ends anyway.
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(4.5);

    private static async Task<int> Main(string[] args)
    {
        if (args is not [Commands.InterleaveWorkerCommand.Name, ..])
        {
            // Idle thread-pool threads spin before they sleep. While perfgate generates load, the target shares the
            // cores: in a profile of a Redis level on the 2-core machine that spinning was a quarter of the tool's
            // CPU (docs/performance.md). The interleave worker hosts the user's benchmarks and keeps the runtime's defaults.
            AppContext.SetData("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", 0);
        }

        using var cancel = new CancellationTokenSource();
        var exitCode = ExitCodes.Cancelled;
        void Stop(int code)
        {
            exitCode = code;
            cancel.Cancel();
            // A command blocked in a read that cannot observe the token must not keep the user waiting.
            _ = Task.Delay(CancelGrace).ContinueWith(_ => Environment.Exit(code), TaskScheduler.Default);
        }

        Console.CancelKeyPress += (_, e) =>
        {
            if (cancel.IsCancellationRequested)
            {
                return; // a second Ctrl+C ends the process at once
            }

            e.Cancel = true;
            Stop(ExitCodes.Cancelled);
        };

        // SIGTERM is what Docker, Kubernetes and CI runners send, SIGHUP what a closed terminal sends: each stops the run
        // as Ctrl+C does (partial results written and marked incomplete, targets and workers stopped, worktrees
        // removed), then ends with 128 + the signal's number, as a process killed by it would.
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Terminate(c, ExitCodes.Terminated));
        using var hup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => Terminate(c, ExitCodes.HungUp));
        void Terminate(PosixSignalContext context, int code)
        {
            if (cancel.IsCancellationRequested)
            {
                return; // a second signal ends the process at once
            }

            context.Cancel = true;
            Stop(code);
        }

        var code = await PerfGateCommand.RunAsync(args, Console.Out, Console.Error, cancel.Token).ConfigureAwait(false);
        // The command reports a cancellation as 130; which signal caused it decides the process's own code.
        return code == ExitCodes.Cancelled ? exitCode : code;
    }
}
