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
            SecondaryRateLimitExceededException => new(GitHubProblem.RateLimited, 403, "secondary rate limit hit; perfgate waits as GitHub asks, at least a minute and at most ten"),
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

    /// <summary>
    /// Whether <paramref name="exception"/> is worth another try, and how: 5xx and lost connections back off; a secondary rate
    /// limit (a 403 that says so, or a 429) waits what GitHub asked (Retry-After in seconds or as an HTTP date, or the reset
    /// time when no requests remain); the primary limit waits until its reset. <paramref name="now"/> reads dates against a clock.
    /// </summary>
    public static RetryAdvice Advise(Exception exception, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var api = exception as ApiException;
        var retryAfter = api is null ? null : RetryAfter(api, now);
        var untilReset = api is not null && RemainingIsZero(api) ? ResetIn(api, now) : null;
        return exception switch
        {
            RateLimitExceededException r => new(RetryKind.UntilReset, Later(r.Reset - now, TimeSpan.FromSeconds(1)) + TimeSpan.FromSeconds(1)),
            SecondaryRateLimitExceededException => new(RetryKind.RateLimit, Longest(retryAfter, untilReset)),
            ApiException { StatusCode: (HttpStatusCode)429 } => new(RetryKind.RateLimit, Longest(retryAfter, untilReset)),
            ForbiddenException when untilReset is not null => new(RetryKind.UntilReset, untilReset),
            ApiException { StatusCode: >= HttpStatusCode.InternalServerError } => new(RetryKind.Backoff, retryAfter),
            ApiException => new(RetryKind.None, null),
            HttpRequestException or TaskCanceledException or TimeoutException => new(RetryKind.Backoff, null),
            _ => new(RetryKind.None, null),
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

    /// <summary>GitHub's Retry-After: a number of seconds, or an HTTP date (RFC 9110) read against <paramref name="now"/>.</summary>
    internal static TimeSpan? RetryAfter(ApiException exception, DateTimeOffset now)
    {
        var value = Header(exception, "Retry-After")?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, 86_400));
        }

        return DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date)
            ? Later(date - now, TimeSpan.Zero)
            : null;
    }

    private static TimeSpan? ResetIn(ApiException exception, DateTimeOffset now) =>
        long.TryParse(Header(exception, "X-RateLimit-Reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) && epoch < 253_402_300_799
            ? Later(DateTimeOffset.FromUnixTimeSeconds(epoch) - now, TimeSpan.Zero) + TimeSpan.FromSeconds(1)
            : null;

    private static TimeSpan Later(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan? Longest(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : Later(a.Value, b.Value);

    private static string? Header(ApiException exception, string name) =>
        exception.HttpResponse?.Headers?.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private static bool RemainingIsZero(ApiException exception) => Header(exception, "X-RateLimit-Remaining") == "0";

    [GeneratedRegex(@"(gh[pousr]_[A-Za-z0-9_]{8,}|github_pat_[A-Za-z0-9_]{8,})")]
    private static partial Regex TokenShape();
}
