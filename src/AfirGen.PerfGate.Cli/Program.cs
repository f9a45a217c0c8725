namespace AfirGen.PerfGate.Cli;

internal static class Program
{
    // How long a cancelled command has to write its partial results before the process ends anyway.
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(4.5);

    private static async Task<int> Main(string[] args)
    {
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
