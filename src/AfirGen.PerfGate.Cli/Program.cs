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
        Console.CancelKeyPress += (_, e) =>
        {
            if (cancel.IsCancellationRequested)
            {
                return; // a second Ctrl+C ends the process at once
            }

            e.Cancel = true;
            cancel.Cancel();
            // A command blocked in a read that cannot observe the token must not keep the user waiting.
            _ = Task.Delay(CancelGrace).ContinueWith(_ => Environment.Exit(ExitCodes.Cancelled), TaskScheduler.Default);
        };
        return await PerfGateCommand.RunAsync(args, Console.Out, Console.Error, cancel.Token).ConfigureAwait(false);
    }
}
