using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AfirGen.PerfGate.Reliability.Tests;

/// <summary>Ctrl+C for a running tool: SIGINT to its process alone (the harder case: its children get no signal of their own), then what is left.</summary>
internal sealed class Interruption
{
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();

    private Interruption(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public string Stdout => Read(stdout);

    public string Stderr => Read(stderr);

    /// <summary>The tool's descendants just before the interrupt.</summary>
    public IReadOnlyList<ProcessTree.Entry> Children { get; private set; } = [];

    /// <summary>From the interrupt to the tool's exit.</summary>
    public TimeSpan TimeToExit { get; private set; }

    /// <summary>Those of <see cref="Children"/> still running once the tool has exited (after a short grace for the kernel to reap them).</summary>
    public IReadOnlyList<ProcessTree.Entry> Survivors { get; private set; } = [];

    public int ExitCode => Process.ExitCode;

    public static Interruption Of(Process process) => new(process);

    /// <summary>Waits until <paramref name="ready"/> holds (or fails the test after <paramref name="timeout"/>), then sends <paramref name="signal"/> (SIGINT unless told) and waits for the exit.</summary>
    public Interruption InterruptWhen(Func<Interruption, bool> ready, TimeSpan timeout, string signal = "INT")
    {
        var waited = Stopwatch.StartNew();
        while (!ready(this))
        {
            if (Process.HasExited || waited.Elapsed > timeout)
            {
                Stop();
                Assert.Fail($"the moment to interrupt never came (exited: {Process.HasExited})\n{this}");
            }

            Thread.Sleep(50);
        }

        Children = ProcessTree.Descendants(Process.Id);
        var clock = Stopwatch.StartNew();
        using (var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, Process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        var exited = Process.WaitForExit(TimeSpan.FromSeconds(20));
        TimeToExit = clock.Elapsed;
        if (!exited)
        {
            Stop();
            Assert.Fail($"the tool did not stop within 20 s of SIG{signal}\n{this}");
        }

        Process.WaitForExit(); // drains the output
        var grace = Stopwatch.StartNew();
        do
        {
            Survivors = ProcessTree.StillRunning(Children);
        }
        while (Survivors.Count > 0 && grace.Elapsed < TimeSpan.FromSeconds(1) && Sleep());

        return this;
    }

    public override string ToString() =>
        $"exit {(Process.HasExited ? Process.ExitCode : -1)} after {TimeToExit.TotalSeconds:0.00} s\n--- children before the interrupt\n{string.Join('\n', Children)}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";

    private static bool Sleep()
    {
        Thread.Sleep(50);
        return true;
    }

    private static void Append(StringBuilder to, string? line)
    {
        if (line is not null)
        {
            lock (to)
            {
                to.AppendLine(line);
            }
        }
    }

    private static string Read(StringBuilder from)
    {
        lock (from)
        {
            return from.ToString();
        }
    }

    private void Stop()
    {
        foreach (var p in ProcessTree.Descendants(Process.Id))
        {
            try
            {
                using var child = System.Diagnostics.Process.GetProcessById(p.Pid);
                child.Kill();
            }
            catch (ArgumentException)
            {
                // already gone
            }
        }

        Process.Kill(entireProcessTree: true);
    }
}
