using System.CommandLine;
using System.Globalization;
using AfirGen.PerfGate.Cli.Commands.Run;
using AfirGen.PerfGate.Config.Scenarios;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary><c>perfgate load URL</c>: one HTTP endpoint under load at several levels, checked against thresholds, without a config file.</summary>
internal static class LoadCommand
{
    public static Command Create(CliConsole console)
    {
        var url = new Argument<string>("URL") { Description = "The endpoint, e.g. http://127.0.0.1:8080/health" };
        var levels = new Option<string>("--concurrency", "-c") { Description = "Concurrency levels, comma-separated", DefaultValueFactory = _ => "1,5,10,15" };
        var duration = new Option<string?>("--duration", "-d") { Description = "Measure each level for this long, e.g. 30s (default 10s)" };
        var iterations = new Option<long?>("--iterations", "-n") { Description = "Measure each level for this many requests (sustained mode, e.g. 500)" };
        var rate = new Option<string?>("--rate") { Description = "Open model: constant arrival rates, e.g. 500/s or 100,200 (latency from each request's intended start)" };
        var workers = new Option<int?>("--workers") { Description = "Open model: most requests in flight (default: rate/50, 4 to 256)" };
        var method = new Option<string>("--method", "-X") { Description = "HTTP method", DefaultValueFactory = _ => "GET" };
        var headers = new Option<string[]>("--header", "-H") { Description = "A header, \"Name: value\" (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var body = new Option<string?>("--body") { Description = "Request body" };
        var warmup = new Option<string>("--warmup") { Description = "Warmup per level: a duration (1s) or a request count", DefaultValueFactory = _ => "1s" };
        var timeout = new Option<string>("--timeout") { Description = "Per-request timeout", DefaultValueFactory = _ => "5s" };
        var http = new Option<string>("--http") { Description = "HTTP version: 1.1 or 2", DefaultValueFactory = _ => "1.1" };
        var insecure = new Option<bool>("--insecure", "-k") { Description = "Accept any TLS certificate (test servers)" };
        var name = new Option<string>("--name") { Description = "Scenario name in result ids (api/NAME@c10)", DefaultValueFactory = _ => "load" };
        var targetPid = new Option<int?>("--target-pid") { Description = "Also sample this process's CPU and memory (the target's)" };
        var baseline = new Option<string?>("--baseline") { Description = "Baseline results to compare with" };
        var output = OutputFolder.NotEmpty(new Option<string>("--out") { Description = "Folder for results.json, comparison.json, summary.txt, report.md, report.html", DefaultValueFactory = _ => OutputFolder.Default });
        var gate = new GateOptions();
        var command = new Command("load", "Load one HTTP endpoint at several concurrency levels (or arrival rates) and gate on thresholds")
        {
            url, levels, duration, iterations, rate, workers, method, headers, body, warmup, timeout, http, insecure, name, targetPid, baseline, output,
        };
        gate.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var config = gate.Load(parse);
            if (parse.GetValue(duration) is not null && parse.GetValue(iterations) is not null)
            {
                throw new InputException("-d/-n", null, "give either a duration (-d) or a request count (-n), not both");
            }

            var load = new LoadSettings
            {
                Levels = Numbers<int>(parse.GetValue(levels)!, "-c", s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= 1 ? v : (int?)null),
                Rates = parse.GetValue(rate) is { } r ? Numbers<double>(r, "--rate", Rate) : [],
                Connections = parse.GetValue(workers),
                Warmup = Amount(parse.GetValue(warmup)!, "--warmup"),
                Measure = parse.GetValue(iterations) is { } n ? (n >= 1 ? LoadAmount.Count(n) : throw new InputException("-n", null, "must be at least 1"))
                    : LoadAmount.For(DurationText.Parse(parse.GetValue(duration) ?? "10s", "-d", null)),
                Timeout = DurationText.Parse(parse.GetValue(timeout)!, "--timeout", null),
            };
            var scenario = new HttpScenarioDefinition
            {
                Name = parse.GetValue(name)!,
                Load = load,
                Url = Url(parse.GetValue(url)!),
                Method = parse.GetValue(method)!.ToUpperInvariant(),
                Headers = [.. (parse.GetValue(headers) ?? []).Select(Header)],
                Body = parse.GetValue(body),
                HttpVersion = parse.GetValue(http) is "1.1" or "2" ? parse.GetValue(http)! : throw new InputException("--http", null, "use 1.1 or 2"),
                Insecure = parse.GetValue(insecure),
            };
            var runner = new ScenarioCategoryRunner([scenario], parse.GetValue(targetPid));
            var options = new GateRunOptions(config, parse.GetValue(baseline), parse.GetValue(output)!, null);
            return await GateRun.RunAsync(console, [runner], options, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static string Url(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? text
            : throw new InputException("URL", null, $"'{text}' is not an absolute http or https URL");

    private static KeyValuePair<string, string> Header(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? KeyValuePair.Create(text[..colon].Trim(), text[(colon + 1)..].Trim()) : throw new InputException("-H", null, $"'{text}' is not \"Name: value\"");
    }

    private static double? Rate(string text)
    {
        var number = text.EndsWith("/s", StringComparison.Ordinal) ? text[..^2] : text;
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v) ? v : null;
    }

    private static LoadAmount Amount(string text, string option) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? LoadAmount.Count(n) : LoadAmount.For(DurationText.Parse(text, option, null));

    private static List<T> Numbers<T>(string text, string option, Func<string, T?> parse)
        where T : struct
    {
        var items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var list = items.Select(i => parse(i) ?? throw new InputException(option, null, $"'{i}' is not a valid value")).ToList();
        return list.Count > 0 ? list : throw new InputException(option, null, "give at least one value");
    }
}
