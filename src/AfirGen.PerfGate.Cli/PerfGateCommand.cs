using System.CommandLine;
using AfirGen.PerfGate.Cli.Commands;

namespace AfirGen.PerfGate.Cli;

/// <summary>The <c>dotnet perfgate</c> command line: parses, runs one command, and maps every outcome to an exit code.</summary>
public static class PerfGateCommand
{
    /// <summary>Runs the command line and returns the exit code; never throws for bad input.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var console = new CliConsole(stdout, stderr);
        var root = new RootCommand("PerfGate: compare performance results against a baseline with real statistics, check SLA thresholds, and gate the build.")
        {
            RunCommand.Create(console),
            AbCommand.Create(console),
            CompareCommand.Create(console),
            MergeCommand.Create(console),
            ReportCommand.Create(console),
            BaselineCommand.Create(console),
            CommentCommand.Create(console),
            LoadCommand.Create(console),
            HistoryCommand.Create(console),
            InterleaveWorkerCommand.Create(),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            Error(stderr, $"perfgate: error: {parse.Errors[0].Message.ReplaceLineEndings(" ")} (see 'dotnet perfgate --help')");
            return ExitCodes.BadInput;
        }

        try
        {
            var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parse.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (InputException e)
        {
            Error(stderr, $"perfgate: error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (RunFailedException e)
        {
            Error(stderr, $"perfgate: error: {e.Message}");
            return ExitCodes.RunFailed;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("perfgate: cancelled");
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // The last line of defence: a defect is reported in one line, with the stack only on request.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Error(stderr, $"perfgate: internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            if (Environment.GetEnvironmentVariable("PERFGATE_DEBUG") == "1")
            {
                Error(stderr, e.ToString());
            }

            return ExitCodes.RunFailed;
        }
    }

    // Every error line goes out without credentials: the parser echoes arguments, exceptions quote URLs.
    // and one line it stays: a JSON property name or a file name quoted in it is untrusted text.
    private static void Error(TextWriter stderr, string line) => stderr.WriteLine(Reports.PlainText.Clean(Redaction.Apply(line), 4000));
}
