using System.Text.RegularExpressions;
using AfirGen.PerfGate.GitHub;

namespace AfirGen.PerfGate.Cli;

/// <summary>
/// Takes credentials out of the error lines the command line prints: a mistyped command can put a token where an argument
/// goes (the parser echoes arguments), and an unreachable URL is quoted with its user:password@ part.
/// </summary>
internal static partial class Redaction
{
    /// <summary><paramref name="text"/> with the GITHUB_TOKEN value, anything shaped like a GitHub token, and URL passwords replaced by ***.</summary>
    public static string Apply(string text) =>
        UrlPassword().Replace(GitHubFailure.Redact(text, Environment.GetEnvironmentVariable("GITHUB_TOKEN")), "***");

    [GeneratedRegex(@"(?<=://[^/\s:@]*:)[^/\s@]+(?=@)")]
    private static partial Regex UrlPassword();
}
