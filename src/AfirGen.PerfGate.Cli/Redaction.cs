using AfirGen.PerfGate.GitHub;

namespace AfirGen.PerfGate.Cli;

/// <summary>
/// Takes credentials out of the error lines the command line prints: a mistyped command can put a token where an argument
/// goes (the parser echoes arguments), and an unreachable URL is quoted with its user:password@ part or a key in its query.
/// </summary>
internal static class Redaction
{
    /// <summary><paramref name="text"/> with the GITHUB_TOKEN value, anything shaped like a GitHub token, and what <see cref="Secrets"/> redacts replaced by ***.</summary>
    public static string Apply(string text) =>
        Secrets.Redact(GitHubFailure.Redact(text, Environment.GetEnvironmentVariable("GITHUB_TOKEN")));
}
