using System.CommandLine;
using AfirGen.PerfGate.BenchmarkDotNet.Interleaved;
using AfirGen.PerfGate.IO;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary>
/// The hidden worker <c>perfgate ab</c> starts for each interleaved round: times base and head side by side in this
/// process. With <c>--list</c> it prints the benchmark methods of one assembly instead, for projects whose own entry
/// point does not list them (a test project that calls BenchmarkRunner from its tests).
/// </summary>
internal static class InterleaveWorkerCommand
{
    public const string Name = "interleave-worker";

    public static Command Create()
    {
        var baseAssembly = new Option<string>("--base-assembly") { Required = true };
        var headAssembly = new Option<string?>("--head-assembly");
        var methods = new Option<string?>("--methods");
        var pairs = new Option<int>("--pairs") { DefaultValueFactory = _ => 50 };
        var output = new Option<string?>("--out");
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var cases = new Option<string?>("--cases");
        var list = new Option<bool>("--list");
        var command = new Command(Name, "Internal: one interleaved A/B round of perfgate ab") { baseAssembly, headAssembly, methods, pairs, output, seed, cases, list };
        command.Hidden = true;
        command.SetAction((parse, cancellationToken) =>
        {
            if (parse.GetValue(list))
            {
                foreach (var method in InterleavedRunner.List(parse.GetValue(baseAssembly)!))
                {
                    Console.Out.WriteLine(method);
                }

                return Task.FromResult(ExitCodes.Passed);
            }

            string Required(Option<string?> option) => parse.GetValue(option) ?? throw new InputException(Name, option.Name, "is required");
            var selected = File.ReadAllLines(Required(methods)).ToHashSet(StringComparer.Ordinal);
            var (baseline, current) = InterleavedRunner.Run(parse.GetValue(baseAssembly)!, Required(headAssembly), selected, parse.GetValue(pairs), parse.GetValue(seed),
                parse.GetValue(cases) is { } file ? File.ReadAllLines(file).ToHashSet(StringComparer.Ordinal) : null, cancellationToken);
            var dir = Required(output);
            Directory.CreateDirectory(dir);
            AtomicFile.Write(Path.Combine(dir, "base.json"), s => ResultsJson.Write(baseline, s));
            AtomicFile.Write(Path.Combine(dir, "head.json"), s => ResultsJson.Write(current, s));
            return Task.FromResult(ExitCodes.Passed);
        });
        return command;
    }
}
