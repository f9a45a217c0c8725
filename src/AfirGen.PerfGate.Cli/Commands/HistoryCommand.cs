using System.CommandLine;
using System.Globalization;
using AfirGen.PerfGate.History;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary><c>perfgate history add|detect|report|ack|thin</c>: keeps every run in a store and finds where each series changed.</summary>
internal static class HistoryCommand
{
    public static Command Create(CliConsole console) => new("history", "Keep every run in a history store, find change points, draw the trends")
    {
        Add(console), Detect(console), Report(console), Acknowledge(console), Thin(console),
    };

    private static Option<string> Remote() => new("--remote") { Description = "For a git store: the remote its branch is fetched from and pushed to (e.g. origin)" };

    private static Argument<string> Store() => new("STORE") { Description = "The store: a folder, or git:BRANCH for a branch of the current repository" };

    private static Option<int> Recent() => new("--recent")
    {
        Description = "The gate looks at change points that began within this many of each series' newest runs",
        DefaultValueFactory = _ => 7,
    };

    private static Command Add(CliConsole console)
    {
        var results = new Argument<string>("RESULTS") { Description = "The run to add: a results.json, an output folder, or BenchmarkDotNet JSON exports" };
        var to = new Option<string>("--to") { Description = "The store to add to: a folder, or git:BRANCH", Required = true };
        var remote = Remote();
        var commit = new Option<string>("--commit") { Description = "The commit measured (default: the one the results name)" };
        var branch = new Option<string>("--branch") { Description = "The branch measured (default: the one the results name)" };
        var config = new Option<string>("--config") { Description = "The perfgate.json the run used; its digest is kept, so a change of configuration shows" };
        var keep = new Option<int?>("--keep") { Description = "Afterwards, keep only the newest N entries" };
        var command = new Command("add", "Add a run to the history (atomic; safe when several jobs add at once)") { results, to, remote, commit, branch, config, keep };
        command.SetAction(parse =>
        {
            var set = ResultLoader.Load(parse.GetValue(results)!);
            var configFile = parse.GetValue(config);
            // Results that name no commit (BenchmarkDotNet exports) take the workflow's.
            var entry = HistoryEntries.Create(
                set,
                parse.GetValue(commit) ?? set.Source?.Commit ?? NonEmpty(Environment.GetEnvironmentVariable("GITHUB_SHA")),
                parse.GetValue(branch) ?? set.Source?.Branch ?? NonEmpty(Environment.GetEnvironmentVariable("GITHUB_REF_NAME")),
                configFile is null ? null : InputFile.ReadBytes(configFile));
            if (entry.Points.Count == 0)
            {
                throw new InputException(parse.GetValue(results)!, null, "holds no measured benchmark or scenario to keep");
            }

            var store = HistoryStore.Open(parse.GetValue(to)!, remote: parse.GetValue(remote));
            store.Add(entry, HistoryEntries.Compress(set));
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"added {entry.Id} ({entry.Points.Count} points, commit {PlainText.Clean(HistoryAnalysis.Abbreviate(entry.Commit), 40)}) to {PlainText.Clean(store.Name, 200)}"));
            if (parse.GetValue(keep) is { } n)
            {
                Keep(console, store, n);
            }

            return ExitCodes.Passed;
        });
        return command;
    }

    private static Command Detect(CliConsole console)
    {
        var store = Store();
        var remote = Remote();
        var recent = Recent();
        var branch = new Option<string>("--branch") { Description = "Only runs of this branch (default: every run in the store)" };
        var command = new Command("detect", "Find change points in every series; exit 1 when an unexplained regression began in the last --recent runs") { store, remote, recent, branch };
        command.SetAction(parse =>
        {
            var analysis = Analyse(parse.GetValue(store)!, parse.GetValue(remote), Positive(parse.GetValue(recent), "--recent"), parse.GetValue(branch), out var name);
            console.Out.Write(HistoryText.Render(analysis, name));
            return analysis.Failing.Any() ? ExitCodes.GateFailed : ExitCodes.Passed;
        });
        return command;
    }

    private static Command Report(CliConsole console)
    {
        var store = Store();
        var remote = Remote();
        var recent = Recent();
        var branch = new Option<string>("--branch") { Description = "Only runs of this branch (default: every run in the store)" };
        var output = OutputFolder.NotEmpty(new Option<string>("--output", "-o") { Description = "The folder to write the page into (index.html)", Required = true });
        var repository = new Option<string>("--repository-url")
        {
            Description = "The repository's web address, to link commits (default: from GITHUB_SERVER_URL and GITHUB_REPOSITORY)",
        };
        var command = new Command("report", "Write a static trend page: one chart per benchmark and metric, change points marked") { store, remote, recent, branch, output, repository };
        command.SetAction(parse =>
        {
            var analysis = Analyse(parse.GetValue(store)!, parse.GetValue(remote), Positive(parse.GetValue(recent), "--recent"), parse.GetValue(branch), out var name);
            var folder = parse.GetValue(output)!;
            var url = parse.GetValue(repository) ?? DefaultRepositoryUrl();
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            {
                throw new InputException("--repository-url", null, $"\"{url}\" is not an http(s) address");
            }

            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new RunFailedException($"cannot create {folder}: {e.Message}", e);
            }

            var page = Path.Combine(folder, "index.html");
            AtomicFile.WriteAllText(page, HistoryPage.Render(analysis, name, url));
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {page}: {analysis.Series.Count} series from {analysis.Entries.Count} runs, {analysis.Changes.Count()} change points"));
            return ExitCodes.Passed;
        });
        return command;
    }

    private static Command Acknowledge(CliConsole console)
    {
        var store = Store();
        var remote = Remote();
        var benchmark = new Option<string>("--benchmark") { Description = "The benchmark or scenario id", Required = true };
        var metric = new Option<string>("--metric") { Description = "time, allocated, p95 or throughput", DefaultValueFactory = _ => "time" };
        var commit = new Option<string>("--commit") { Description = "The commit the change began at (as detect names it)", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the change is accepted" };
        var command = new Command("ack", "Acknowledge a change: it stays on the page but no longer fails the gate") { store, remote, benchmark, metric, commit, reason };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(metric)!;
            var parsed = HistoryMetrics.Parse(name) ?? throw new InputException("--metric", null, $"\"{name}\" is not a metric; expected time, allocated, p95 or throughput");
            var hash = parse.GetValue(commit)!;
            if (hash.Length < 4 || !hash.All(char.IsAsciiHexDigit))
            {
                throw new InputException("--commit", null, $"\"{PlainText.Clean(hash, 60)}\" is not a commit hash (at least 4 hex digits)");
            }

            var s = HistoryStore.Open(parse.GetValue(store)!, remote: parse.GetValue(remote));
            s.Acknowledge(new Acknowledgement(parse.GetValue(benchmark)!, parsed, hash, parse.GetValue(reason)));
            console.Out.WriteLine($"acknowledged the {name} change of {PlainText.Clean(parse.GetValue(benchmark), 200)} at {hash} in {PlainText.Clean(s.Name, 200)}");
            return ExitCodes.Passed;
        });
        return command;
    }

    private static Command Thin(CliConsole console)
    {
        var store = Store();
        var remote = Remote();
        var keep = new Option<int>("--keep") { Description = "How many of the newest entries to keep", Required = true };
        var command = new Command("thin", "Remove old entries, keeping the newest --keep") { store, remote, keep };
        command.SetAction(parse =>
        {
            Keep(console, HistoryStore.Open(parse.GetValue(store)!, remote: parse.GetValue(remote)), parse.GetValue(keep));
            return ExitCodes.Passed;
        });
        return command;
    }

    private static void Keep(CliConsole console, HistoryStore store, int keep)
    {
        var removed = store.Thin(Positive(keep, "--keep"));
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kept the newest {keep} entries of {PlainText.Clean(store.Name, 200)}; removed {removed}"));
    }

    private static HistoryAnalysis Analyse(string spec, string? remote, int recent, string? branch, out string name)
    {
        var store = HistoryStore.Open(spec, remote: remote);
        name = store.Name;
        return HistoryAnalysis.Of(store.Entries(), store.Acknowledgements(), recent, branch);
    }

    private static int Positive(int value, string option) =>
        value >= 1 ? value : throw new InputException(option, null, string.Create(CultureInfo.InvariantCulture, $"is {value}; it must be at least 1"));

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? DefaultRepositoryUrl()
    {
        var server = Environment.GetEnvironmentVariable("GITHUB_SERVER_URL");
        var repository = Environment.GetEnvironmentVariable("GITHUB_REPOSITORY");
        return string.IsNullOrEmpty(server) || string.IsNullOrEmpty(repository) ? null : $"{server.TrimEnd('/')}/{repository}";
    }
}
