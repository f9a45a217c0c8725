using System.Diagnostics;
using System.Globalization;
using AfirGen.PerfGate.BenchmarkDotNet;
using Spectre.Console;

namespace AfirGen.PerfGate.Cli;

/// <summary>A live status line on standard error for long runs; silent when output is redirected or CI is set.</summary>
internal static class ProgressDisplay
{
    /// <summary>Whether a live display fits: a terminal, and not a CI job (whose logs a redrawn line would litter).</summary>
    public static bool Enabled =>
        !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Runs <paramref name="work"/> with a status line fed by the progress it reports.</summary>
    public static async Task<T> RunAsync<T>(Func<Action<RunProgress>?, Task<T>> work)
    {
        if (!Enabled)
        {
            return await work(null).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var clock = Stopwatch.StartNew();
        return await console.Status().StartAsync("starting", async context =>
        {
            void Update(RunProgress p)
            {
                var count = p.Total > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({p.Done}/{p.Total}, {p.Total - p.Done} left)") : "";
                var what = p.Benchmark is null ? "" : " " + Markup.Escape(Reports.PlainText.Clean(p.Benchmark, 80));
                context.Status($"{Markup.Escape(p.Stage)}:{what}{count} {clock.Elapsed:hh\\:mm\\:ss}");
            }

            return await work(Update).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }
}
