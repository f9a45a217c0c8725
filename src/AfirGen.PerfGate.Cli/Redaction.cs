using System.Text.RegularExpressions;
using AfirGen.PerfGate.GitHub;

namespace AfirGen.PerfGate.Cli;

/// <summary>
/// Takes credentials out of the error lines the command line prints: a mistyped command can put a token where an argument
/// goes (the parser echoes arguments), and an unreachable URL is quoted with its user:password@ part or a key in its query.
/// </summary>
internal static partial class Redaction
{
    /// <summary><paramref name="text"/> with the GITHUB_TOKEN value, anything shaped like a GitHub token, URL passwords and secret query values replaced by ***.</summary>
    public static string Apply(string text) =>
        QuerySecret().Replace(UrlPassword().Replace(GitHubFailure.Redact(text, Environment.GetEnvironmentVariable("GITHUB_TOKEN")), "***"), "***");

    [GeneratedRegex(@"(?<=://[^/\s:@]*:)[^/\s@]+(?=@)")]
    private static partial Regex UrlPassword();

    // The value of a query parameter whose name says it is a credential: ?access_token=…, &api_key=…, &sig=…
    [GeneratedRegex(@"(?<=[?&;](?:[a-z0-9_.-]*[_.-])?(?:token|key|apikey|password|passwd|pwd|secret|sig|signature|auth|code)=)[^&;#\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex QuerySecret();
}
