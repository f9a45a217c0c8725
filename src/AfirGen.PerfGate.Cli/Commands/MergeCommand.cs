using System.CommandLine;
using System.Globalization;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary><c>perfgate merge SHARD-RESULTS... --output FILE</c>: joins shard results exactly into one result set.</summary>
internal static class MergeCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new Argument<string[]>("SHARD-RESULTS") { Description = "Results of each shard (results.json files or output folders)", Arity = ArgumentArity.OneOrMore };
        var output = OutputFolder.NotEmpty(new Option<string>("--output", "-o") { Description = "The merged results file to write", Required = true });
        var command = new Command("merge", "Join the results of shards into one result set, raw samples and all") { inputs, output };
        command.SetAction(parse =>
        {
            var shards = parse.GetValue(inputs)!.Select(p => (p, ResultLoader.Load(p))).ToList();
            var merged = ResultSets.Merge(shards);
            var file = parse.GetValue(output)!;
            AtomicFile.Write(file, s => ResultsJson.Write(merged, s));
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"merged {shards.Count} shards, {merged.Benchmarks.Count} benchmarks, into {file}"));
            return ExitCodes.Passed;
        });
        return command;
    }
}
