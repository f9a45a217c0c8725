using System.CommandLine;
using AfirGen.PerfGate.Config;
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

    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Thresholds);
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
        return config.WithThresholds(thresholds);
    }
}
