using System.CommandLine;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Thresholds;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary>The options every gating command shares: the config file and extra thresholds.</summary>
internal sealed class GateOptions
{
    private const string DefaultConfig = "perfgate.json";

    public Option<string?> Config { get; } = new("--config") { Description = "perfgate.json with defaults and thresholds (default: ./perfgate.json when it exists)" };

    public Option<string[]> Thresholds { get; } = new("--threshold")
    {
        Description = "A threshold for every benchmark, e.g. \"5%\" (the regression threshold), \"p95<100ms\", \"allocated<=1KB\"; repeatable",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> FailOn { get; } = new("--fail-on") { Description = "What fails the gate besides regressions, broken SLAs and failed benchmarks: regression (default) or inconclusive" };

    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Thresholds);
        command.Options.Add(FailOn);
    }

    /// <summary>Whether the command line names a configuration to decide with: then a stored verdict is decided again, on purpose.</summary>
    public bool Given(ParseResult parse) =>
        parse.GetResult(Config) is not null || parse.GetResult(Thresholds) is not null || parse.GetResult(FailOn) is not null;

    /// <summary>
    /// The verdict to render for <paramref name="results"/>: the one stored in a perfgate output folder, exactly as the run
    /// decided it; or, when the folder holds none or a baseline or configuration is named, one decided now, on purpose.
    /// </summary>
    public SuiteComparison Verdict(ParseResult parse, string results, string? baseline)
    {
        if (baseline is null && !Given(parse) && ComparisonReader.HoldsVerdict(results))
        {
            return ComparisonReader.Read(results);
        }

        var config = Load(parse);
        var current = ResultLoader.Load(results);
        var baseResults = baseline is not null ? ResultLoader.Load(baseline) : null;
        return SuiteComparer.Compare(baseResults, current, config);
    }

    /// <summary>The config file (explicit, or ./perfgate.json when present) with the command-line thresholds applied last.</summary>
    public PerfGateConfig Load(ParseResult parse)
    {
        var path = parse.GetValue(Config);
        var config = path is not null ? ConfigReader.Read(path)
            : File.Exists(DefaultConfig) ? ConfigReader.Read(DefaultConfig)
            : PerfGateConfig.Default;
        var thresholds = (parse.GetValue(Thresholds) ?? [])
            .Select(t => Threshold.ParseShorthand(t, "--threshold"))
            .ToList();
        config = config.WithThresholds(thresholds);
        return parse.GetValue(FailOn) is { } policy
            ? config with { Comparison = config.Comparison with { FailOnInconclusive = FailPolicy.Parse(policy, "--fail-on", null) } }
            : config;
    }
}
