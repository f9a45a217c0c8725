using System.Globalization;

namespace AfirGen.PerfGate.Fuzz;

/// <summary>Runs saved inputs through a target without afl-fuzz: reproduces a finding, or smoke-tests a corpus.</summary>
internal static class Replay
{
    // Far above any reader's time on a small input; past it the input is reported as a hang.
    private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(10);

    /// <summary>Replays every file under <paramref name="paths"/>; returns 0 when all kept the contract, 1 otherwise.</summary>
    public static int Run(string reader, Action<byte[]> target, IReadOnlyList<string> paths, TextWriter output)
    {
        var files = paths.SelectMany<string, string>(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [p]).ToList();
        var findings = 0;
        foreach (var file in files)
        {
            var outcome = RunOne(target, File.ReadAllBytes(file));
            if (outcome is not null)
            {
                findings++;
                output.WriteLine($"FINDING {reader} {file}: {outcome}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{reader}: {files.Count} inputs, {findings} findings"));
        return findings == 0 ? 0 : 1;
    }

    private static string? RunOne(Action<byte[]> target, byte[] input)
    {
        Exception? error = null;
        var thread = new Thread(() =>
        {
#pragma warning disable CA1031 // Whatever the target throws is the finding being reported.
            try
            {
                target(input);
            }
            catch (Exception e)
            {
                error = e;
            }
#pragma warning restore CA1031
        }, maxStackSize: 16 * 1024 * 1024)
        { IsBackground = true };
        thread.Start();
        if (!thread.Join(HangAfter))
        {
            return string.Create(CultureInfo.InvariantCulture, $"hang: no result after {HangAfter.TotalSeconds} s");
        }

        return error is null ? null : Describe(error);
    }

    private static string Describe(Exception e)
    {
        // The reader's frames and the framework's below them say where it went wrong; the harness's frames do not.
        var frames = (e.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .TakeWhile(f => !f.StartsWith("at AfirGen.PerfGate.Fuzz.", StringComparison.Ordinal))
            .Take(16);
        var inner = e.InnerException is { } i ? $" (inner {i.GetType().Name}: {i.Message.ReplaceLineEndings(" ")})" : string.Empty;
        var stack = string.Concat(frames.Select(f => Environment.NewLine + "    " + f));
        return $"{e.GetType().FullName}: {e.Message.ReplaceLineEndings(" ")}{inner}{stack}";
    }
}
