using System.CommandLine;
using AfirGen.PerfGate.Comparison;
using System.Globalization;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Reports;
using AfirGen.PerfGate.Statistics;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary><c>perfgate baseline save|show</c>: keeps results as a baseline, atomically, with their launch noise; shows one.</summary>
internal static class BaselineCommand
{
    public static Command Create(CliConsole console) => new("baseline", "Save or show a baseline") { Save(console), Show(console) };

    private static Command Save(CliConsole console)
    {
        var results = new Argument<string[]>("RESULTS")
        {
            Description = "Results to keep: a results.json, a BenchmarkDotNet JSON export, or a folder of them; several runs of one suite make one baseline that learns its run-to-run noise from all of them",
            Arity = ArgumentArity.OneOrMore,
        };
        var to = new Option<string>("--to") { Description = "Baseline file to write", DefaultValueFactory = _ => Baselines.DefaultFile };
        var gate = new GateOptions();
        var command = new Command("save", "Save results as a baseline (atomic write; launch-to-launch noise is measured and stored)") { results, to };
        command.Options.Add(gate.Config);
        command.SetAction(parse =>
        {
            var config = gate.Load(parse);
            var file = parse.GetValue(to)!;
            var runs = parse.GetValue(results)!;
            var baseline = Baselines.Save(runs, file, config.Comparison);
            var failed = baseline.Benchmarks.Count(b => b.Status == BenchmarkStatus.Failed);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"saved {baseline.Benchmarks.Count} benchmarks to {file}"));
            if (runs.Length > 1)
            {
                console.Out.WriteLine("learnt from " + BaselineRuns.Describe(runs.Length, baseline));
            }

            if (failed > 0)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"perfgate: warning: {failed} of them failed and have no measurements"));
            }

            return ExitCodes.Passed;
        });
        return command;
    }

    private static Command Show(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "Baseline file" };
        var command = new Command("show", "Show what a baseline holds") { file };
        command.SetAction(parse =>
        {
            var set = ResultLoader.Load(parse.GetValue(file)!);
            var w = console.Out;
            // Every field of the file is untrusted: a commit message or a CPU name could hold terminal escapes or workflow commands.
            static string Field(string? value) => value is null ? "?" : PlainText.Clean(value);
            w.WriteLine($"baseline: {PlainText.Clean(parse.GetValue(file), 1000)}");
            w.WriteLine($"created:  {set.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}{(set.Incomplete ? "  (incomplete)" : "")}");
            if (set.Source is { } s)
            {
                w.WriteLine($"source:   {Field(s.Commit)} {(s.Branch is null ? "" : PlainText.Clean(s.Branch))}".TrimEnd());
            }

            var env = set.Environment;
            w.WriteLine($"machine:  {Field(env.Os)}; {Field(env.Cpu)}; {(env.Cores?.ToString(CultureInfo.InvariantCulture) ?? "?")} cores; {Field(env.Runtime)}; {Field(env.GcMode)}");
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"benchmarks: {set.Benchmarks.Count}"));
            w.WriteLine();
            w.WriteLine($"{"benchmark",-60} {"category",-8} {"launches",8} {"n",8} {"median",12} {"p95",12} {"allocated",10} {"noise",7}");
            foreach (var b in set.Benchmarks.OrderBy(b => b.Category).ThenBy(b => b.Id, StringComparer.Ordinal))
            {
                var sum = Summaries.Of(b);
                var name = PlainText.Clean(b.Id, 60);
                var line = sum is null
                    ? $"{name,-60} {b.Category.ToString().ToLowerInvariant(),-8} failed: {PlainText.Clean(b.Error ?? "no measurements", 80)}"
                    : string.Create(CultureInfo.InvariantCulture,
                        $"{name,-60} {b.Category.ToString().ToLowerInvariant(),-8} {sum.Launches,8} {sum.N,8} {DisplayFormat.Time(sum.Median),12} {DisplayFormat.Time(sum.P95),12} {(b.Memory is { } m ? DisplayFormat.Bytes(m.AllocatedBytesPerOperation) : "-"),10} {(b.LaunchNoise is { } n ? DisplayFormat.Percent(n) : "-"),7}");
                w.WriteLine(line);
            }

            return ExitCodes.Passed;
        });
        return command;
    }
}
