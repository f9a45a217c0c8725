using Octokit;

namespace AfirGen.PerfGate.GitHub;

/// <summary>What to post: where, under which key, the body, the run it reports, and whose comments count as PerfGate's.</summary>
/// <param name="Owner">The repository's owner.</param>
/// <param name="Repository">The repository's name.</param>
/// <param name="PullRequest">The pull request's number.</param>
/// <param name="Key">Names this comment among PerfGate's others on the pull request (one per config or matrix job).</param>
/// <param name="Body">The whole body; it starts with the key's marker.</param>
/// <param name="Stamp">The run this body reports; null (a run outside Actions) counts as newest.</param>
/// <param name="Create">Whether to create a comment when there is none (else only an existing one is edited).</param>
/// <param name="Author">The login the token posts as; only its comments are PerfGate's.</param>
public sealed record CommentRequest(string Owner, string Repository, int PullRequest, string Key, string Body, RunStamp? Stamp, bool Create, string Author);

/// <summary>
/// One comment per pull request and key. A comment is PerfGate's only when the token's identity wrote it and its body
/// starts with the key's marker: a person quoting the marker, or another account planting it, is left alone. The run
/// stamp under the marker orders runs: an older run never overwrites a newer one's comment, and when two runs race to
/// create it, the one that sees both keeps the oldest comment with the newest body and deletes the other.
/// </summary>
public sealed class StickyComment
{
    /// <summary>The login GitHub Actions' own token posts as.</summary>
    public const string ActionsBot = "github-actions[bot]";

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

    /// <summary>Edits this key's comment, or creates one when asked; GitHub's failures come back as data, never thrown.</summary>
    /// <remarks>Each retry starts again from the search, so a create that GitHub did but answered with a 5xx is edited, not duplicated.</remarks>
    public async Task<CommentOutcome> PostAsync(CommentRequest request, Action<int, string, TimeSpan>? onRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await retry.RunAsync(
                () => UpsertOnceAsync(request),
                (attempt, e, wait) => onRetry?.Invoke(attempt, GitHubFailure.From(e, token)?.Message ?? e.GetType().Name, wait),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (GitHubFailure.From(e, token) is { } failure && !cancellationToken.IsCancellationRequested)
        {
            return new CommentOutcome(CommentAction.Failed, null, failure);
        }
    }

    /// <summary>Whether <paramref name="comment"/> is PerfGate's comment for <paramref name="marker"/>, written as <paramref name="author"/>.</summary>
    public static bool IsOwned(IssueComment comment, string marker, string author)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return string.Equals(comment.User?.Login, author, StringComparison.OrdinalIgnoreCase)
            && comment.Body?.StartsWith(marker, StringComparison.Ordinal) == true;
    }

    private async Task<CommentOutcome> UpsertOnceAsync(CommentRequest request)
    {
        var owned = await OwnedAsync(request).ConfigureAwait(false);
        long? created = null;
        if (owned.Count == 0)
        {
            if (!request.Create)
            {
                return new CommentOutcome(CommentAction.Skipped, null);
            }

            var made = await client.Issue.Comment.Create(request.Owner, request.Repository, request.PullRequest, request.Body).ConfigureAwait(false);
            created = made.Id;
            // Another run may have created one between the search and this create: look again, and settle on one.
            owned = await OwnedAsync(request).ConfigureAwait(false);
            if (owned.Count <= 1)
            {
                return new CommentOutcome(CommentAction.Created, made.HtmlUrl);
            }
        }

        return await SettleAsync(request, owned, created).ConfigureAwait(false);
    }

    /// <summary>
    /// Leaves exactly one comment: the oldest (every racing run picks the same one), holding the body of the newest run among
    /// them and this one. So all racers converge on one comment with the newest report, whichever order they finish in.
    /// </summary>
    private async Task<CommentOutcome> SettleAsync(CommentRequest request, List<IssueComment> owned, long? created)
    {
        var keep = owned.MinBy(c => c.Id)!;
        var newest = owned.Where(c => c.Id != created)
            .Select(c => (Comment: c, Stamp: RunStamp.Find(c.Body)))
            .Where(c => c.Stamp is not null)
            .OrderBy(c => c.Stamp, RunStamp.Order)
            .LastOrDefault();
        var superseded = request.Stamp is not null && newest.Stamp is not null && newest.Stamp.IsNewerThan(request.Stamp);
        var body = superseded ? newest.Comment.Body : request.Body;

        var url = keep.HtmlUrl;
        if (!superseded || keep.Body != body)
        {
            url = (await client.Issue.Comment.Update(request.Owner, request.Repository, keep.Id, body).ConfigureAwait(false)).HtmlUrl;
        }

        var removed = 0;
        foreach (var duplicate in owned.Where(c => c.Id != keep.Id))
        {
            try
            {
                await client.Issue.Comment.Delete(request.Owner, request.Repository, duplicate.Id).ConfigureAwait(false);
                removed++;
            }
            catch (NotFoundException)
            {
                // The other racer removed it first: the end is the same.
            }
        }

        var action = superseded ? CommentAction.Superseded : created == keep.Id ? CommentAction.Created : CommentAction.Updated;
        return new CommentOutcome(action, url, Newer: superseded ? newest.Stamp : null, DuplicatesRemoved: removed);
    }

    private async Task<List<IssueComment>> OwnedAsync(CommentRequest request)
    {
        var marker = CommentBody.Marker(request.Key);
        var comments = await client.Issue.Comment.GetAllForIssue(request.Owner, request.Repository, request.PullRequest, new ApiOptions { PageSize = PageSize }).ConfigureAwait(false);
        return comments.Where(c => IsOwned(c, marker, request.Author)).ToList();
    }
}
