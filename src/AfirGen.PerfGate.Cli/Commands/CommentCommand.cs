using System.CommandLine;
using System.Globalization;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.GitHub;
using AfirGen.PerfGate.IO;

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
        var results = new Option<string>("--results") { Description = "Current results: a perfgate output folder, a results.json, or BenchmarkDotNet exports", Required = true };
        var baseline = new Option<string?>("--baseline") { Description = "Baseline results to compare with (decides again, instead of a folder's stored verdict)" };
        var repo = new Option<string?>("--repo") { Description = "OWNER/NAME of the repository (default: $GITHUB_REPOSITORY); without --pr no comment is posted" };
        var pr = new Option<int?>("--pr") { Description = "Pull request number to comment on" };
        var apiUrl = new Option<string?>("--api-url") { Description = "GitHub API address (default: $GITHUB_API_URL, else https://api.github.com)" };
        var when = new Option<string>("--when") { Description = "always: create or update the comment; on-regression: create it only when the gate fails (an existing one is still updated)", DefaultValueFactory = _ => "always" };
        var key = new Option<string?>("--key") { Description = "Names this comment among others on the pull request (default: the --config path, else 'default')" };
        var reportUrl = new Option<string?>("--report-url") { Description = "Link to the full report (default: this workflow run's page, from GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_RUN_ID)" };
        var gate = new GateOptions();
        var command = new Command("comment", "Post the verdict to GitHub: job summary, annotations, step outputs and a sticky pull-request comment (token from GITHUB_TOKEN)")
        {
            results, baseline, repo, pr, apiUrl, when, key, reportUrl,
        };
        gate.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var policy = parse.GetValue(when)!;
            if (policy is not ("always" or "on-regression"))
            {
                throw new InputException("--when", "$", $"is '{policy}'; expected always or on-regression");
            }

            var comparison = gate.Verdict(parse, parse.GetValue(results)!, parse.GetValue(baseline));
            var exitCode = comparison.ExitCode;
            var link = ReportLink(parse.GetValue(reportUrl));
            var configPath = parse.GetValue(gate.Config);

            WriteSummary(console, comparison, link);
            foreach (var line in Annotations.For(comparison, configPath ?? parse.GetValue(results)))
            {
                console.Out.WriteLine(line);
            }

            var outcome = await PostAsync(console, comparison, new Target(
                parse.GetValue(repo) ?? Environment.GetEnvironmentVariable("GITHUB_REPOSITORY"),
                parse.GetValue(pr),
                parse.GetValue(apiUrl) ?? NonEmpty(Environment.GetEnvironmentVariable("GITHUB_API_URL")) ?? DefaultApiUrl,
                CommentBody.Key(parse.GetValue(key) ?? configPath),
                policy == "always" || !comparison.Passed,
                link), cancellationToken).ConfigureAwait(false);

            WriteOutputs(comparison, outcome);
            return exitCode;
        });
        return command;
    }

    private sealed record Target(string? Repository, int? PullRequest, string ApiUrl, string Key, bool Create, Uri? Link);

    private static async Task<CommentOutcome> PostAsync(CliConsole console, SuiteComparison comparison, Target target, CancellationToken cancellationToken)
    {
        if (target.PullRequest is not { } number)
        {
            return new CommentOutcome(CommentAction.Skipped, null);
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
            Warn(console, "no GITHUB_TOKEN in the environment: the pull-request comment was not posted (the job summary has the report)");
            return new CommentOutcome(CommentAction.Failed, null);
        }

        var body = CommentBody.Render(comparison, target.Key, target.Link);
        var sticky = new StickyComment(StickyComment.CreateClient(api, token), Retry(), token);
        var outcome = await sticky.PostAsync(parts[0], parts[1], number, CommentBody.Marker(target.Key), body, target.Create,
            (attempt, why, wait) => console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"perfgate: GitHub: {why}; retrying in {wait.TotalSeconds:0.###} s (attempt {attempt + 1})")),
            cancellationToken).ConfigureAwait(false);
        switch (outcome.Action)
        {
            case CommentAction.Failed when outcome.Failure is { } f:
                Warn(console, "the pull-request comment was not posted: " + f.Message + "; the verdict and exit code are unchanged");
                break;
            case CommentAction.Skipped:
                console.Out.WriteLine("perfgate: no comment posted: the gate passed and --when is on-regression");
                break;
            default:
                console.Out.WriteLine($"perfgate: comment {outcome.Action.ToString().ToLowerInvariant()}: {GitHubFailure.Scrub(outcome.Url, token)}");
                break;
        }

        return outcome;
    }

    private static RetryPolicy Retry()
    {
        // Tests (and impatient users) cap the backoff; GitHub's own Retry-After is honoured up to the cap.
        var cap = int.TryParse(Environment.GetEnvironmentVariable("PERFGATE_GITHUB_MAX_RETRY_DELAY_MS"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : TimeSpan.FromSeconds(60);
        return new RetryPolicy { MaxDelay = cap, BaseDelay = cap < TimeSpan.FromSeconds(1) ? cap : TimeSpan.FromSeconds(1) };
    }

    private static void WriteSummary(CliConsole console, SuiteComparison comparison, Uri? link)
    {
        if (NonEmpty(Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY")) is not { } path)
        {
            return;
        }

        try
        {
            if (!StepSummary.Append(path, comparison, link))
            {
                Warn(console, "the job summary is full (1 MiB); the report was not added to it");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunFailedException($"cannot write the job summary {path}: {e.Message}", e);
        }
    }

    private static void WriteOutputs(SuiteComparison comparison, CommentOutcome outcome)
    {
        if (NonEmpty(Environment.GetEnvironmentVariable("GITHUB_OUTPUT")) is not { } path)
        {
            return;
        }

        var outputs = new Dictionary<string, string>
        {
            ["verdict"] = comparison.Passed ? "passed" : "failed",
            ["gate"] = comparison.Gate.ToName(),
            ["regressions"] = comparison.Count(Verdict.Regressed).ToString(CultureInfo.InvariantCulture),
            ["inconclusive"] = comparison.Count(Verdict.Inconclusive).ToString(CultureInfo.InvariantCulture),
            ["failures"] = comparison.Benchmarks.Count(b => comparison.FailsGate(b.Verdict)).ToString(CultureInfo.InvariantCulture),
            ["comment-url"] = outcome.Url ?? "",
            ["comment-status"] = outcome.Action.ToString().ToLowerInvariant(),
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
