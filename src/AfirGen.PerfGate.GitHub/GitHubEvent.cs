using System.Globalization;
using System.Text.Json;

namespace AfirGen.PerfGate.GitHub;

/// <summary>
/// What the workflow's event says about the run: the pull request, its head commit and repository, and for a
/// <c>workflow_run</c> event the run it follows. Read from <c>GITHUB_EVENT_PATH</c>, which GitHub writes: unlike an
/// artifact of a pull request's run, it can be trusted.
/// </summary>
/// <param name="Name">pull_request, pull_request_target, workflow_run, push, schedule…; empty when unknown.</param>
/// <param name="PullRequest">The pull request's number, when the event names exactly one.</param>
/// <param name="HeadSha">The head commit measured: the pull request's head (not the merge commit), or the run's.</param>
/// <param name="HeadRepository">OWNER/NAME the head commit came from (a fork's name for a fork).</param>
/// <param name="Run">For workflow_run: the run that measured (id, number, attempt); the comment is that run's.</param>
public sealed record GitHubEvent(string Name, int? PullRequest, string? HeadSha, string? HeadRepository, RunStamp? Run)
{
    /// <summary>No event (a run outside GitHub Actions).</summary>
    public static GitHubEvent None { get; } = new("", null, null, null, null);

    /// <summary>Whether the measuring happened in another run than this one (workflow_run): its pull request number must be verified.</summary>
    public bool IsWorkflowRun => Name == "workflow_run";

    /// <summary>Reads the event file; <paramref name="name"/> is GITHUB_EVENT_NAME when known (else the file's shape decides).</summary>
    public static GitHubEvent Read(string path, string? name)
    {
        ArgumentNullException.ThrowIfNull(path);
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new InputException(path, "GITHUB_EVENT_PATH", "cannot read the workflow's event: " + e.Message, e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InputException(path, "$", "the workflow's event is not a JSON object");
            }

            if (root.TryGetProperty("workflow_run", out var run) && run.ValueKind == JsonValueKind.Object && name is null or "workflow_run")
            {
                var sha = Text(run, "head_sha");
                var stamp = new RunStamp(RunStamp.IsSha(sha) ? sha! : "", Number(run, "id") ?? 0, Number(run, "run_number") ?? 0, (int)Math.Clamp(Number(run, "run_attempt") ?? 1, 1, int.MaxValue));
                // GitHub lists the pull requests of the head branch only when it is in this repository; a fork's list is empty.
                int? pr = run.TryGetProperty("pull_requests", out var prs) && prs.ValueKind == JsonValueKind.Array && prs.GetArrayLength() == 1
                    && Number(prs[0], "number") is > 0 and <= int.MaxValue and var only
                    ? (int)only
                    : null;
                return new GitHubEvent("workflow_run", pr, stamp.HeadSha.Length > 0 ? stamp.HeadSha : null, Text(run, "head_repository", "full_name"), stamp);
            }

            if (root.TryGetProperty("pull_request", out var pull) && pull.ValueKind == JsonValueKind.Object)
            {
                var sha = Text(pull, "head", "sha");
                var number = Number(pull, "number");
                return new GitHubEvent(name ?? "pull_request", number is > 0 and <= int.MaxValue ? (int)number : null,
                    RunStamp.IsSha(sha) ? sha : null, Text(pull, "head", "repo", "full_name"), null);
            }

            return new GitHubEvent(name ?? "", null, null, null, null);
        }
    }

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var p in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(p, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    private static long? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt64(out var n) && n >= 0 ? n : null;

    /// <summary>For messages: the run as GitHub shows it.</summary>
    public override string ToString() => Name + (PullRequest is { } n ? " #" + n.ToString(CultureInfo.InvariantCulture) : "");
}
