using Octokit;

namespace AfirGen.PerfGate.GitHub;

/// <summary>One comment per pull request and config, found again by its hidden marker across every page of comments, then edited or created.</summary>
public sealed class StickyComment
{
    private const int PageSize = 100; // GitHub's largest page: fewest requests on a long thread

    private readonly IGitHubClient client;
    private readonly RetryPolicy retry;
    private readonly string? token;

    /// <summary>Creates it over an Octokit client; <paramref name="token"/> is only used to scrub messages.</summary>
    public StickyComment(IGitHubClient client, RetryPolicy retry, string? token)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.retry = retry ?? throw new ArgumentNullException(nameof(retry));
        this.token = token;
    }

    /// <summary>A client for <paramref name="apiUrl"/> (github.com's API, an Enterprise server, or a test server) with the token.</summary>
    public static GitHubClient CreateClient(Uri apiUrl, string token)
    {
        var version = typeof(StickyComment).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var client = new GitHubClient(new ProductHeaderValue("perfgate", version), apiUrl) { Credentials = new Credentials(token) };
        client.SetRequestTimeout(TimeSpan.FromSeconds(30));
        return client;
    }

    /// <summary>Edits this marker's comment, or creates one when <paramref name="create"/>; GitHub's failures come back as data, never thrown.</summary>
    /// <remarks>Each retry starts again from the search, so a create that GitHub did but answered with a 5xx is edited, not duplicated.</remarks>
    public async Task<CommentOutcome> PostAsync(
        string owner, string repository, int pullRequest, string marker, string body, bool create,
        Action<int, string, TimeSpan>? onRetry, CancellationToken cancellationToken)
    {
        try
        {
            return await retry.RunAsync(
                () => UpsertOnceAsync(owner, repository, pullRequest, marker, body, create),
                (attempt, e, wait) => onRetry?.Invoke(attempt, GitHubFailure.From(e, token)?.Message ?? e.GetType().Name, wait),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (GitHubFailure.From(e, token) is { } failure && !cancellationToken.IsCancellationRequested)
        {
            return new CommentOutcome(CommentAction.Failed, null, failure);
        }
    }

    private async Task<CommentOutcome> UpsertOnceAsync(string owner, string repository, int pullRequest, string marker, string body, bool create)
    {
        var comments = await client.Issue.Comment.GetAllForIssue(owner, repository, pullRequest, new ApiOptions { PageSize = PageSize }).ConfigureAwait(false);
        var mine = comments.FirstOrDefault(c => c.Body?.Contains(marker, StringComparison.Ordinal) == true);
        if (mine is not null)
        {
            var updated = await client.Issue.Comment.Update(owner, repository, mine.Id, body).ConfigureAwait(false);
            return new CommentOutcome(CommentAction.Updated, updated.HtmlUrl);
        }

        if (!create)
        {
            return new CommentOutcome(CommentAction.Skipped, null);
        }

        var created = await client.Issue.Comment.Create(owner, repository, pullRequest, body).ConfigureAwait(false);
        return new CommentOutcome(CommentAction.Created, created.HtmlUrl);
    }
}
