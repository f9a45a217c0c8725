using System.CommandLine;
using AfirGen.PerfGate.BenchmarkDotNet.Interleaved;
using AfirGen.PerfGate.IO;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary>The hidden worker <c>perfgate ab</c> starts for each interleaved round: times base and head side by side in this process.</summary>
internal static class InterleaveWorkerCommand
{
    public const string Name = "interleave-worker";

    public static Command Create()
    {
        var baseAssembly = new Option<string>("--base-assembly") { Required = true };
        var headAssembly = new Option<string>("--head-assembly") { Required = true };
        var methods = new Option<string>("--methods") { Required = true };
        var pairs = new Option<int>("--pairs") { Required = true };
        var output = new Option<string>("--out") { Required = true };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var cases = new Option<string?>("--cases");
        var command = new Command(Name, "Internal: one interleaved A/B round of perfgate ab") { baseAssembly, headAssembly, methods, pairs, output, seed, cases };
        command.Hidden = true;
        command.SetAction((parse, cancellationToken) =>
        {
            var selected = File.ReadAllLines(parse.GetValue(methods)!).ToHashSet(StringComparer.Ordinal);
            var (baseline, current) = InterleavedRunner.Run(parse.GetValue(baseAssembly)!, parse.GetValue(headAssembly)!, selected, parse.GetValue(pairs), parse.GetValue(seed),
                parse.GetValue(cases) is { } file ? File.ReadAllLines(file).ToHashSet(StringComparer.Ordinal) : null, cancellationToken);
            var dir = parse.GetValue(output)!;
            Directory.CreateDirectory(dir);
            AtomicFile.Write(Path.Combine(dir, "base.json"), s => ResultsJson.Write(baseline, s));
            AtomicFile.Write(Path.Combine(dir, "head.json"), s => ResultsJson.Write(current, s));
            return Task.FromResult(ExitCodes.Passed);
        });
        return command;
    }
}
