using Octokit;

namespace AfirGen.PerfGate.GitHub;

/// <summary>A check run to post: on which commit, its name (what a branch rule requires), conclusion, report and annotations.</summary>
/// <param name="Owner">The repository's owner.</param>
/// <param name="Repository">The repository's name.</param>
/// <param name="Name">The check's name, as branch protection requires it (PerfGate by default).</param>
/// <param name="HeadSha">The commit it is for: the pull request's head.</param>
/// <param name="Conclusion">The gate's: success, failure or cancelled.</param>
/// <param name="Title">One line: the verdict.</param>
/// <param name="Summary">The Markdown report.</param>
/// <param name="Annotations">Source lines of what fails the gate.</param>
/// <param name="DetailsUrl">The run's page.</param>
/// <param name="ExternalId">Names this run's check run, so that a retry edits it instead of adding a second.</param>
public sealed record CheckRunPost(
    string Owner, string Repository, string Name, string HeadSha, CheckConclusion Conclusion, string Title, string Summary,
    IReadOnlyList<CheckAnnotation> Annotations, Uri? DetailsUrl, string ExternalId);

/// <summary>An annotation of a check run: a failing benchmark at the line where it is declared.</summary>
/// <param name="Path">The file, relative to the repository's root, with forward slashes.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Title">Short: the benchmark and its verdict.</param>
/// <param name="Message">Why it fails the gate.</param>
public sealed record CheckAnnotation(string Path, int Line, string Title, string Message);

/// <summary>What posting the check run did: its address, or why GitHub refused it.</summary>
/// <param name="Url">The check run's html address.</param>
/// <param name="Failure">Why it failed.</param>
public sealed record CheckRunOutcome(string? Url, GitHubFailure? Failure);

/// <summary>Creates (or, on a retry of the same run, edits) a completed check run with the gate's conclusion, report and annotations.</summary>
public sealed class CheckRunReport
{
    /// <summary>GitHub takes at most this many annotations in one request; more go in further edits.</summary>
    public const int AnnotationsPerRequest = 50;

    /// <summary>GitHub refuses a check run summary longer than this.</summary>
    public const int SummaryLimit = 65_535;

    private readonly IGitHubClient client;
    private readonly RetryPolicy retry;
    private readonly string? token;

    /// <summary>Creates it over an Octokit client; <paramref name="token"/> is only used to scrub messages.</summary>
    public CheckRunReport(IGitHubClient client, RetryPolicy retry, string? token)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.retry = retry ?? throw new ArgumentNullException(nameof(retry));
        this.token = token;
    }

    /// <summary>Posts <paramref name="post"/>; GitHub's failures come back as data, never thrown.</summary>
    public async Task<CheckRunOutcome> PostAsync(CheckRunPost post, Action<int, string, TimeSpan>? onRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        try
        {
            var url = await retry.RunAsync(
                () => PostOnceAsync(post),
                (attempt, e, wait) => onRetry?.Invoke(attempt, GitHubFailure.From(e, token)?.Message ?? e.GetType().Name, wait),
                cancellationToken).ConfigureAwait(false);
            return new CheckRunOutcome(url, null);
        }
        catch (Exception e) when (GitHubFailure.From(e, token) is { } failure && !cancellationToken.IsCancellationRequested)
        {
            return new CheckRunOutcome(null, failure);
        }
    }

    private async Task<string> PostOnceAsync(CheckRunPost post)
    {
        var title = post.Title.Length > 200 ? post.Title[..199] + "…" : post.Title;
        var summary = post.Summary.Length > SummaryLimit ? CommentBody.Fit(post.Summary, SummaryLimit - 100, post.DetailsUrl) : post.Summary;
        var batches = post.Annotations.Chunk(AnnotationsPerRequest).Select(b => b.Select(ToOctokit).ToList()).ToList();

        // A retry after an answer that was lost must not leave two check runs of one run: find this run's first.
        var existing = await client.Check.Run.GetAllForReference(post.Owner, post.Repository, post.HeadSha, new CheckRunRequest { CheckName = post.Name })
            .ConfigureAwait(false);
        var mine = existing.CheckRuns.FirstOrDefault(r => r.ExternalId == post.ExternalId);
        // A run found again is this run's, created by an attempt whose answer was lost: its create carried the first batch.
        var run = mine ?? await client.Check.Run.Create(post.Owner, post.Repository, new NewCheckRun(post.Name, post.HeadSha)
        {
            Status = CheckStatus.Completed,
            Conclusion = post.Conclusion,
            CompletedAt = DateTimeOffset.UtcNow,
            DetailsUrl = post.DetailsUrl?.AbsoluteUri,
            ExternalId = post.ExternalId,
            Output = new NewCheckRunOutput(title, summary) { Annotations = batches.FirstOrDefault() },
        }).ConfigureAwait(false);

        // Each edit appends its annotations to those posted before.
        var rest = batches.Skip(1).ToList();
        if (mine is not null && rest.Count == 0)
        {
            rest.Add([]);
        }

        foreach (var batch in rest)
        {
            run = await client.Check.Run.Update(post.Owner, post.Repository, run.Id, new CheckRunUpdate
            {
                Status = CheckStatus.Completed,
                Conclusion = post.Conclusion,
                Output = new NewCheckRunOutput(title, summary) { Annotations = batch.Count > 0 ? batch : null },
            }).ConfigureAwait(false);
        }

        return run.HtmlUrl;
    }

    private static NewCheckRunAnnotation ToOctokit(CheckAnnotation a) =>
        new(a.Path, a.Line, a.Line, CheckAnnotationLevel.Failure, a.Message) { Title = a.Title };
}
