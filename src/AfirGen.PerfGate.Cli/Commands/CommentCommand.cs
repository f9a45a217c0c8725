using System.CommandLine;
using System.Globalization;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.GitHub;
using AfirGen.PerfGate.History;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Reports;
using Octokit;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary>
/// <c>perfgate comment</c>: the verdict on GitHub — the job summary, error annotations, step outputs and one sticky pull-request comment.
/// GitHub's failures are warnings: the exit code is always the gate's.
/// </summary>
internal static class CommentCommand
{
    private const string DefaultApiUrl = "https://api.github.com";

    public static Command Create(CliConsole console)
    {
        var results = new Option<string?>("--results") { Description = "Current results: a perfgate output folder, a results.json, or BenchmarkDotNet exports (not with --no-verdict)" };
        var baseline = new Option<string?>("--baseline") { Description = "Baseline results to compare with (decides again, instead of a folder's stored verdict)" };
        var repo = new Option<string?>("--repo") { Description = "OWNER/NAME of the repository (default: $GITHUB_REPOSITORY)" };
        var pr = new Option<int?>("--pr") { Description = "Pull request number to comment on (default: the event's pull request; with a workflow_run event it is verified against the run's head commit)" };
        var apiUrl = new Option<string?>("--api-url") { Description = "GitHub API address (default: $GITHUB_API_URL, else https://api.github.com)" };
        var when = new Option<string>("--when") { Description = "always: create or update the comment; changes: create it when the gate fails or anything changed; on-regression: create it only when the gate fails (an existing one is still updated either way); off: no comment", DefaultValueFactory = _ => "always" };
        var key = new Option<string?>("--key") { Description = "Names this comment among others on the pull request (default: the --config path, else 'default')" };
        var author = new Option<string>("--author") { Description = "The login the token posts as: only its comments with the marker are PerfGate's (a PAT or an app posts as another login)", DefaultValueFactory = _ => StickyComment.ActionsBot };
        var reportUrl = new Option<string?>("--report-url") { Description = "Link to the full report (default: this workflow run's page, from GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_RUN_ID)" };
        var checkName = new Option<string?>("--check-name") { Description = "Also create a check run with this name on the head commit, with the gate's conclusion (needs checks: write)" };
        var headSha = new Option<string?>("--head-sha") { Description = "The commit measured (default: the event's pull request head, or the workflow_run's, else $GITHUB_SHA)" };
        var runId = new Option<long?>("--run-id") { Description = "The measuring run's id, which orders comments (default: the workflow_run's, else $GITHUB_RUN_ID)" };
        var runNumber = new Option<long?>("--run-number") { Description = "The measuring run's number (default: the workflow_run's, else $GITHUB_RUN_NUMBER)" };
        var runAttempt = new Option<int?>("--run-attempt") { Description = "The measuring run's attempt (default: the workflow_run's, else $GITHUB_RUN_ATTEMPT)" };
        var eventPath = new Option<string?>("--event") { Description = "The workflow's event file (default: $GITHUB_EVENT_PATH)" };
        var noVerdict = new Option<int?>("--no-verdict") { Description = "The gate gave no verdict and exited with this code (2, 3, 130…): report that instead of results" };
        var reason = new Option<string?>("--reason") { Description = "With --no-verdict: the gate's error line" };
        var sourceRoot = new Option<string?>("--source-root") { Description = "Where the repository's sources are, to point annotations at benchmark methods (default: $GITHUB_WORKSPACE)" };
        var history = new Option<string?>("--history") { Description = "A history store (folder or git:BRANCH): the comment and the job summary show each changed benchmark's recent trend" };
        var historyRemote = new Option<string?>("--history-remote") { Description = "For a git history store: the remote to read its branch from (e.g. origin)" };
        var gate = new GateOptions();
        var command = new Command("comment", "Post the verdict to GitHub: job summary, annotations, step outputs, a sticky pull-request comment and a check run (token from GITHUB_TOKEN)")
        {
            results, baseline, repo, pr, apiUrl, when, key, author, reportUrl, checkName, headSha, runId, runNumber, runAttempt, eventPath, noVerdict, reason, sourceRoot,
            history, historyRemote,
        };
        gate.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var policy = parse.GetValue(when)!;
            if (policy is not ("always" or "changes" or "on-regression" or "off"))
            {
                throw new InputException("--when", "$", $"is '{policy}'; expected always, changes, on-regression or off");
            }

            var errorCode = parse.GetValue(noVerdict);
            var resultsPath = parse.GetValue(results);
            if (errorCode is null == resultsPath is null)
            {
                throw new InputException(errorCode is null ? "--results" : "--no-verdict", "$", errorCode is null
                    ? "is missing: give the results to report, or --no-verdict CODE when the gate gave none"
                    : "goes without --results: there is no verdict to report");
            }

            if (errorCode is { } code && code is < 2 or > 255)
            {
                throw new InputException("--no-verdict", "$", $"is {code}; expected the gate's exit code when it gave no verdict (2 to 255)");
            }

            var context = RunContext.From(parse, eventPath, headSha, runId, runNumber, runAttempt);
            var comparison = resultsPath is null ? null : gate.Verdict(parse, resultsPath, parse.GetValue(baseline));
            var exitCode = comparison?.ExitCode ?? errorCode!.Value;
            var link = ReportLink(parse.GetValue(reportUrl));
            var configPath = parse.GetValue(gate.Config);
            var root = NonEmpty(parse.GetValue(sourceRoot)) ?? NonEmpty(Environment.GetEnvironmentVariable("GITHUB_WORKSPACE"));
            var locator = comparison is not null && root is not null && Directory.Exists(root)
                ? SourceLocator.Under(root, resultsPath is null ? [] : [Path.GetDirectoryName(Path.GetFullPath(resultsPath))!, Path.GetFullPath(resultsPath)])
                : null;

            string? trends = null;
            if (comparison is not null && parse.GetValue(history) is { } storeName)
            {
                // The trends are an aside: a store not made yet (before the first nightly run) or unreadable costs them, not the report.
                try
                {
                    var store = HistoryStore.Open(storeName, remote: parse.GetValue(historyRemote));
                    trends = HistoryTrends.Markdown(comparison, HistoryAnalysis.Of(store.Entries(), store.Acknowledgements(), recent: 7));
                }
                catch (InputException e)
                {
                    Warn(console, "no trends from the history: " + e.Message);
                }
            }

            if (comparison is not null)
            {
                WriteSummary(console, comparison, link, trends);
                // An annotation names a file; a results folder (the report a workflow_run downloaded) is none.
                foreach (var line in Annotations.For(comparison, configPath ?? (File.Exists(resultsPath) ? resultsPath : null), locator, root))
                {
                    console.Out.WriteLine(line);
                }
            }

            var target = new Target(
                parse.GetValue(repo) ?? Environment.GetEnvironmentVariable("GITHUB_REPOSITORY"),
                parse.GetValue(pr) ?? context.Event.PullRequest,
                parse.GetValue(apiUrl) ?? NonEmpty(Environment.GetEnvironmentVariable("GITHUB_API_URL")) ?? DefaultApiUrl,
                CommentBody.Key(parse.GetValue(key) ?? configPath),
                parse.GetValue(author)!,
                link);
            var body = comparison is null
                ? CommentBody.NoVerdict(target.Key, context.Stamp, exitCode, parse.GetValue(reason), link)
                : CommentBody.Render(comparison, target.Key, link, context.Stamp, trends: trends);
            var create = policy switch
            {
                "always" => true,
                "changes" => comparison is null || !comparison.Passed || comparison.Gate != GateOutcome.Passed || Annotations.AnythingChanged(comparison),
                _ => comparison is null || !comparison.Passed,
            };

            var github = await GitHubAsync(console, target, (policy != "off" && target.PullRequest is not null) || NonEmpty(parse.GetValue(checkName)) is not null).ConfigureAwait(false);
            var outcome = policy == "off" || target.PullRequest is null || github is null
                ? new CommentOutcome(CommentAction.Skipped, null)
                : await PostCommentAsync(console, github, target, context, body, create, cancellationToken).ConfigureAwait(false);
            var check = github is not null && NonEmpty(parse.GetValue(checkName)) is { } name
                ? await PostCheckAsync(console, github, target, context, name, comparison, exitCode, parse.GetValue(reason), locator, root, cancellationToken).ConfigureAwait(false)
                : null;

            WriteOutputs(comparison, exitCode, outcome, check);
            return exitCode;
        });
        return command;
    }

    private sealed record Target(string? Repository, int? PullRequest, string ApiUrl, string Key, string Author, Uri? Link)
    {
        public string Owner => Repository!.Split('/')[0];

        public string Name => Repository!.Split('/')[1];
    }

    /// <summary>The run being reported: the event, and the stamp (head commit, run id, number, attempt) its comment carries.</summary>
    private sealed record RunContext(GitHubEvent Event, RunStamp? Stamp)
    {
        public static RunContext From(ParseResult parse, Option<string?> eventPath, Option<string?> headSha, Option<long?> runId, Option<long?> runNumber, Option<int?> runAttempt)
        {
            var path = parse.GetValue(eventPath) ?? NonEmpty(Environment.GetEnvironmentVariable("GITHUB_EVENT_PATH"));
            if (parse.GetValue(eventPath) is { } given && !File.Exists(given))
            {
                throw new InputException(given, "--event", "does not exist");
            }

            var ev = path is not null && File.Exists(path) ? GitHubEvent.Read(path, NonEmpty(Environment.GetEnvironmentVariable("GITHUB_EVENT_NAME"))) : GitHubEvent.None;
            var sha = parse.GetValue(headSha);
            if (sha is not null && !RunStamp.IsSha(sha))
            {
                throw new InputException("--head-sha", "$", $"is '{Trim(sha)}'; expected a full commit id (40 or 64 hex digits)");
            }

            // In a workflow_run the measuring run is the event's; this run's own ids and commit would say nothing about it.
            var run = ev.Run;
            sha ??= ev.HeadSha ?? (ev.IsWorkflowRun ? null : Sha(Environment.GetEnvironmentVariable("GITHUB_SHA")));
            var id = parse.GetValue(runId) ?? run?.RunId ?? Number(Environment.GetEnvironmentVariable("GITHUB_RUN_ID"));
            var number = parse.GetValue(runNumber) ?? run?.RunNumber ?? Number(Environment.GetEnvironmentVariable("GITHUB_RUN_NUMBER"));
            var attempt = parse.GetValue(runAttempt) ?? run?.RunAttempt ?? (int?)Number(Environment.GetEnvironmentVariable("GITHUB_RUN_ATTEMPT"));
            if (id is < 0 || number is < 0 || attempt is < 1)
            {
                throw new InputException("--run-id", "$", "run ids and numbers are positive, attempts start at 1");
            }

            return new RunContext(ev, sha is null && id is null ? null : new RunStamp(sha ?? "", id ?? 0, number ?? 0, attempt ?? 1));
        }

        private static string? Sha(string? value) => RunStamp.IsSha(value) ? value : null;

        private static long? Number(string? value) =>
            long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= int.MaxValue * 1000L ? n : null;

        private static string Trim(string value) => value.Length > 80 ? value[..80] + "…" : value;
    }

    /// <summary>An Octokit client for the target, or null (with a warning) when there is nothing to reach GitHub with.</summary>
    private static Task<IGitHubClient?> GitHubAsync(CliConsole console, Target target, bool wanted)
    {
        if (!wanted)
        {
            return Task.FromResult<IGitHubClient?>(null);
        }

        var parts = (target.Repository ?? "").Split('/');
        if (parts.Length != 2 || parts.Any(p => p.Length == 0))
        {
            throw new InputException("--repo", "$", $"is '{target.Repository}'; expected OWNER/NAME (or set GITHUB_REPOSITORY)");
        }

        if (!Uri.TryCreate(target.ApiUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
        {
            throw new InputException("--api-url", "$", $"is '{target.ApiUrl}'; expected an http(s) address");
        }

        var token = NonEmpty(Environment.GetEnvironmentVariable("GITHUB_TOKEN"));
        if (token is null)
        {
            Warn(console, "no GITHUB_TOKEN in the environment: nothing was posted to the pull request or the checks (the job summary has the report)");
            return Task.FromResult<IGitHubClient?>(null);
        }

        return Task.FromResult<IGitHubClient?>(StickyComment.CreateClient(api, token));
    }

    private static async Task<CommentOutcome> PostCommentAsync(
        CliConsole console, IGitHubClient github, Target target, RunContext context, string body, bool create, CancellationToken cancellationToken)
    {
        var number = target.PullRequest!.Value;
        var token = Environment.GetEnvironmentVariable("GITHUB_TOKEN");
        if (context.Event.IsWorkflowRun && await VerifyPullRequestAsync(console, github, target, context, number, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            Warn(console, refused);
            return new CommentOutcome(CommentAction.Skipped, null);
        }

        var sticky = new StickyComment(github, Retry(), token);
        var outcome = await sticky.PostAsync(
            new CommentRequest(target.Owner, target.Name, number, target.Key, body, context.Stamp, create, target.Author),
            (attempt, why, wait) => RetryNote(console, why, wait, attempt),
            cancellationToken).ConfigureAwait(false);
        switch (outcome.Action)
        {
            case CommentAction.Failed when outcome.Failure is { } f:
                Warn(console, "the pull-request comment was not posted: " + f.Message + "; the verdict and exit code are unchanged");
                break;
            case CommentAction.Skipped:
                console.Out.WriteLine("perfgate: no comment posted: nothing to report under --when (an existing comment would have been updated)");
                break;
            case CommentAction.Superseded:
                console.Out.WriteLine($"perfgate: comment left as it is: a newer run reported there ({outcome.Newer?.Describe()}): {GitHubFailure.Scrub(outcome.Url, token)}");
                break;
            default:
                console.Out.WriteLine($"perfgate: comment {outcome.Action.ToString().ToLowerInvariant()}: {GitHubFailure.Scrub(outcome.Url, token)}");
                break;
        }

        if (outcome.DuplicatesRemoved > 0)
        {
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"perfgate: removed {outcome.DuplicatesRemoved} duplicate comment(s) left by runs that raced"));
        }

        return outcome;
    }

    /// <summary>
    /// The pull request number of a workflow_run comes from the measuring run's artifact, which that run's code could forge:
    /// the pull request must have the run's head commit, from the run's head repository. Null when it does; else why not.
    /// </summary>
    private static async Task<string?> VerifyPullRequestAsync(CliConsole console, IGitHubClient github, Target target, RunContext context, int number, CancellationToken cancellationToken)
    {
        var sha = context.Stamp?.HeadSha;
        if (string.IsNullOrEmpty(sha))
        {
            return "the workflow_run event names no head commit: no comment posted";
        }

        Octokit.PullRequest pull;
        try
        {
            pull = await Retry().RunAsync(() => github.PullRequest.Get(target.Owner, target.Name, number),
                (attempt, e, wait) => RetryNote(console, GitHubFailure.From(e, null)?.Message ?? e.GetType().Name, wait, attempt), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (GitHubFailure.From(e, Environment.GetEnvironmentVariable("GITHUB_TOKEN")) is { } failure && !cancellationToken.IsCancellationRequested)
        {
            return $"pull request #{number} could not be read to check it is this run's ({failure.Message}): no comment posted";
        }

        if (!string.Equals(pull.Head?.Sha, sha, StringComparison.OrdinalIgnoreCase))
        {
            return $"pull request #{number} is at {Short(pull.Head?.Sha)}, not at {Short(sha)} that the run measured (its head moved, or the number is not the run's): no comment posted";
        }

        if (context.Event.HeadRepository is { } repository && !string.Equals(pull.Head?.Repository?.FullName, repository, StringComparison.OrdinalIgnoreCase))
        {
            return $"pull request #{number} comes from another repository than the run's head: no comment posted";
        }

        return null;
    }

    private static async Task<CheckRunOutcome?> PostCheckAsync(
        CliConsole console, IGitHubClient github, Target target, RunContext context, string name, SuiteComparison? comparison, int exitCode, string? reason,
        SourceLocator? locator, string? root, CancellationToken cancellationToken)
    {
        if (context.Stamp is not { HeadSha.Length: > 0 } stamp)
        {
            Warn(console, "no head commit known (no event, no --head-sha): the check run was not created");
            return null;
        }

        var conclusion = comparison is not null ? (comparison.Passed ? CheckConclusion.Success : CheckConclusion.Failure)
            : exitCode is 130 or 143 or 129 ? CheckConclusion.Cancelled : CheckConclusion.Failure;
        var title = comparison is not null ? Reports.PlainText.Clean(Reports.GateText.Line(comparison), 200)
            : "no verdict for " + stamp.ShortSha + string.Create(CultureInfo.InvariantCulture, $": exit code {exitCode}");
        var summary = comparison is not null
            ? new Reports.MarkdownReport(target.Link).Render(comparison)
            : CommentBody.NoVerdict(target.Key, stamp, exitCode, reason, target.Link);
        var annotations = comparison is null ? [] : Annotations.Failing(comparison)
            .Select(b => (Benchmark: b, At: Annotations.Locate(b.Id, locator, root)))
            .Where(x => x.At is not null)
            .Select(x => new CheckAnnotation(x.At!.File, x.At.Line, Reports.PlainText.Clean(x.Benchmark.Id, 80) + " " + x.Benchmark.Verdict.ToName(), Annotations.Message(x.Benchmark)))
            .ToList();
        var token = Environment.GetEnvironmentVariable("GITHUB_TOKEN");
        var post = new CheckRunPost(target.Owner, target.Name, name, stamp.HeadSha, conclusion, title, summary, annotations, target.Link,
            string.Create(CultureInfo.InvariantCulture, $"perfgate:{target.Key}:{stamp.RunId}:{stamp.RunAttempt}"));
        var outcome = await new CheckRunReport(github, Retry(), token).PostAsync(post, (attempt, why, wait) => RetryNote(console, why, wait, attempt), cancellationToken)
            .ConfigureAwait(false);
        if (outcome.Failure is { } failure)
        {
            Warn(console, "the check run was not created: " + failure.Message.Replace("may not comment here", "may not create check runs here (it needs checks: write)", StringComparison.Ordinal)
                + "; the verdict and exit code are unchanged");
        }
        else
        {
            console.Out.WriteLine($"perfgate: check run '{Reports.PlainText.Clean(name, 100)}' {conclusion.ToString().ToLowerInvariant()}: {GitHubFailure.Scrub(outcome.Url, token)}");
        }

        return outcome;
    }

    private static void RetryNote(CliConsole console, string why, TimeSpan wait, int attempt) =>
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"perfgate: GitHub: {why}; retrying in {wait.TotalSeconds:0.###} s (attempt {attempt + 1})"));

    private static string Short(string? sha) => string.IsNullOrEmpty(sha) ? "(none)" : sha.Length > 7 ? sha[..7] : sha;

    private static RetryPolicy Retry()
    {
        // Tests cap the backoff after server errors; rate limits always wait as GitHub asks (at least a minute).
        var cap = int.TryParse(Environment.GetEnvironmentVariable("PERFGATE_GITHUB_MAX_RETRY_DELAY_MS"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : TimeSpan.FromSeconds(60);
        return new RetryPolicy { MaxDelay = cap, BaseDelay = cap < TimeSpan.FromSeconds(1) ? cap : TimeSpan.FromSeconds(1) };
    }

    private static void WriteSummary(CliConsole console, SuiteComparison comparison, Uri? link, string? trends)
    {
        if (NonEmpty(Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY")) is not { } path)
        {
            return;
        }

        try
        {
            if (!StepSummary.Append(path, comparison, link, trends))
            {
                Warn(console, "the job summary is full (1 MiB); the report was not added to it");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunFailedException($"cannot write the job summary {path}: {e.Message}", e);
        }
    }

    private static void WriteOutputs(SuiteComparison? comparison, int exitCode, CommentOutcome outcome, CheckRunOutcome? check)
    {
        if (NonEmpty(Environment.GetEnvironmentVariable("GITHUB_OUTPUT")) is not { } path)
        {
            return;
        }

        string Count(Func<SuiteComparison, int> count) => comparison is null ? "" : count(comparison).ToString(CultureInfo.InvariantCulture);
        var outputs = new Dictionary<string, string>
        {
            ["verdict"] = comparison is null ? "error" : comparison.Passed ? "passed" : "failed",
            ["gate"] = comparison?.Gate.ToName() ?? "error",
            ["exit-code"] = exitCode.ToString(CultureInfo.InvariantCulture),
            ["regressions"] = Count(c => c.Count(Verdict.Regressed)),
            ["inconclusive"] = Count(c => c.Count(Verdict.Inconclusive)),
            ["failures"] = Count(c => c.Benchmarks.Count(b => c.FailsGate(b.Verdict))),
            ["comment-url"] = outcome.Url ?? "",
            ["comment-status"] = outcome.Action.ToString().ToLowerInvariant(),
            ["check-run-url"] = check?.Url ?? "",
        };
        try
        {
            StepOutputs.Append(path, outputs);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunFailedException($"cannot write the step outputs {path}: {e.Message}", e);
        }
    }

    private static Uri? ReportLink(string? explicitUrl)
    {
        if (explicitUrl is not null)
        {
            return Uri.TryCreate(explicitUrl, UriKind.Absolute, out var u) && u.Scheme is "https" or "http"
                ? u
                : throw new InputException("--report-url", "$", $"is '{explicitUrl}'; expected an http(s) address");
        }

        var server = NonEmpty(Environment.GetEnvironmentVariable("GITHUB_SERVER_URL"));
        var repository = NonEmpty(Environment.GetEnvironmentVariable("GITHUB_REPOSITORY"));
        var run = NonEmpty(Environment.GetEnvironmentVariable("GITHUB_RUN_ID"));
        return server is null || repository is null || run is null ? null
            : Uri.TryCreate($"{server.TrimEnd('/')}/{repository}/actions/runs/{run}", UriKind.Absolute, out var link) ? link : null;
    }

    private static void Warn(CliConsole console, string message)
    {
        console.Error.WriteLine("perfgate: warning: " + message);
        if (Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true")
        {
            console.Out.WriteLine(WorkflowCommands.Warning(message, "PerfGate"));
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
