using System.Diagnostics;

namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>
/// Runs a program to completion, streaming its output lines. Cancellation, and silence longer than the idle timeout
/// (a hung benchmark prints nothing), kill its whole process tree.
/// </summary>
internal static class ChildProcess
{
    /// <summary>What a finished process left behind.</summary>
    public sealed record Outcome(int ExitCode, bool TimedOut, IReadOnlyList<string> Output);

    public static async Task<Outcome> RunAsync(string fileName, IEnumerable<string> args, string? workingDirectory, Action<string>? onLine,
        TimeSpan idleTimeout, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        var output = new List<string>();
        using var process = new Process { StartInfo = psi };
        using var timeoutSource = new CancellationTokenSource(idleTimeout);
        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.Add(line);
            }

            timeoutSource.CancelAfter(idleTimeout);
            onLine?.Invoke(line);
        }

        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new RunFailedException($"cannot start {fileName}: {e.Message}", e);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Benchmark processes start their own children: the whole tree goes, or orphans keep the machine busy.
            process.Kill(entireProcessTree: true);
            process.WaitForExit(); // drains the output events before the timer they touch is disposed
            cancellationToken.ThrowIfCancellationRequested();
            lock (output)
            {
                return new Outcome(-1, TimedOut: true, output.ToArray());
            }
        }

        // WaitForExitAsync returns before the redirected streams are drained; the parameterless wait drains them.
        process.WaitForExit();
        lock (output)
        {
            return new Outcome(process.ExitCode, TimedOut: false, output.ToArray());
        }
    }
}
