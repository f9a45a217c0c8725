using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AfirGen.PerfGate.Reports;
using Octokit;

namespace AfirGen.PerfGate.GitHub;

/// <summary>A failed call to GitHub as data: the kind of problem, the HTTP status, and a one-line message that never holds a token.</summary>
/// <param name="Problem">What went wrong.</param>
/// <param name="Status">The HTTP status, when GitHub answered.</param>
/// <param name="Message">One line for the user, scrubbed of secrets.</param>
public sealed partial record GitHubFailure(GitHubProblem Problem, int? Status, string Message)
{
    /// <summary>Maps an exception from Octokit (or the network under it) to a failure; null for exceptions that are not GitHub's.</summary>
    public static GitHubFailure? From(Exception exception, string? token)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var detail = exception is ApiException api ? Scrub(api.ApiError?.Message, token) : "";
        var said = detail.Length > 0 ? " (GitHub said: " + detail + ")" : "";
        return exception switch
        {
            RateLimitExceededException r => new(GitHubProblem.RateLimited, 403,
                "rate limit exceeded; it resets at " + r.Reset.UtcDateTime.ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)),
            SecondaryRateLimitExceededException => new(GitHubProblem.RateLimited, 403, "secondary rate limit still hit after retrying"),
            ForbiddenException f when RemainingIsZero(f) => new(GitHubProblem.RateLimited, 403, "rate limit exceeded (no requests remaining)"),
            ForbiddenException => new(GitHubProblem.Forbidden, 403,
                "403 Forbidden: the token may not comment here (a pull request from a fork gets a read-only token; see the workflow_run pattern in docs/github-action.md)" + said),
            AuthorizationException => new(GitHubProblem.Unauthorized, 401, "401 Unauthorized: GitHub refused the token" + said),
            NotFoundException => new(GitHubProblem.NotFound, 404, "404 Not Found: no such repository or pull request, or the token cannot see it"),
            ApiValidationException => new(GitHubProblem.Validation, 422, "422 Unprocessable Entity: GitHub refused the comment" + said),
            ApiException { StatusCode: (HttpStatusCode)429 } => new(GitHubProblem.RateLimited, 429, "429 Too Many Requests, still after retrying"),
            ApiException { StatusCode: >= HttpStatusCode.InternalServerError } e => new(GitHubProblem.ServerError, (int)e.StatusCode,
                string.Create(CultureInfo.InvariantCulture, $"GitHub answered {(int)e.StatusCode}, still after retrying")),
            ApiException e => new(GitHubProblem.Other, (int)e.StatusCode, string.Create(CultureInfo.InvariantCulture, $"GitHub answered {(int)e.StatusCode}") + said),
            HttpRequestException => new(GitHubProblem.Unreachable, null, "could not reach the GitHub API"),
            TaskCanceledException or TimeoutException => new(GitHubProblem.Unreachable, null, "the GitHub API did not answer in time"),
            _ => null,
        };
    }

    /// <summary>True for what is worth another try: 5xx, 429, the secondary rate limit, no answer; with GitHub's Retry-After when it gave one.</summary>
    public static bool IsTransient(Exception exception, out TimeSpan? retryAfter)
    {
        ArgumentNullException.ThrowIfNull(exception);
        retryAfter = exception is ApiException api ? RetryAfter(api) : null;
        return exception switch
        {
            SecondaryRateLimitExceededException => true,
            RateLimitExceededException => false, // the primary limit resets within the hour: waiting for it would stall the job
            ApiException { StatusCode: (HttpStatusCode)429 } e => !RemainingIsZero(e) || retryAfter is not null,
            ApiException { StatusCode: >= HttpStatusCode.InternalServerError } => true,
            ApiException => false,
            HttpRequestException or TaskCanceledException or TimeoutException => true,
            _ => false,
        };
    }

    /// <summary>Removes the token and anything shaped like a GitHub token from text shown to the user, as one clean line.</summary>
    public static string Scrub(string? text, string? token)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return PlainText.Clean(Redact(text, token), 300);
    }

    /// <summary><paramref name="text"/> with the token, and anything shaped like a GitHub token, replaced by ***; nothing else changed.</summary>
    public static string Redact(string text, string? token)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!string.IsNullOrEmpty(token))
        {
            text = text.Replace(token, "***", StringComparison.Ordinal);
        }

        return TokenShape().Replace(text, "***");
    }

    private static TimeSpan? RetryAfter(ApiException exception)
    {
        var headers = exception.HttpResponse?.Headers;
        var value = headers?.FirstOrDefault(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
    }

    private static bool RemainingIsZero(ApiException exception) =>
        exception.HttpResponse?.Headers?.FirstOrDefault(h => h.Key.Equals("X-RateLimit-Remaining", StringComparison.OrdinalIgnoreCase)).Value == "0";

    [GeneratedRegex(@"(gh[pousr]_[A-Za-z0-9_]{8,}|github_pat_[A-Za-z0-9_]{8,})")]
    private static partial Regex TokenShape();
}
