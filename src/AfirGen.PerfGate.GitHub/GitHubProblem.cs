namespace AfirGen.PerfGate.GitHub;

/// <summary>Why a call to GitHub did not succeed, in the terms a user can act on.</summary>
public enum GitHubProblem
{
    /// <summary>403: the token may not write here (a pull request from a fork gets a read-only token).</summary>
    Forbidden,

    /// <summary>The primary rate limit (403 or 429 with no requests remaining) or the secondary one, still hit after retrying.</summary>
    RateLimited,

    /// <summary>422: GitHub refused the request as invalid.</summary>
    Validation,

    /// <summary>5xx: GitHub failed, still after retrying.</summary>
    ServerError,

    /// <summary>401: the token was refused.</summary>
    Unauthorized,

    /// <summary>404: no such repository or pull request, or the token cannot see it.</summary>
    NotFound,

    /// <summary>No answer: the network or a timeout.</summary>
    Unreachable,

    /// <summary>Any other answer.</summary>
    Other,
}
