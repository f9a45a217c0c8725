using AfirGen.PerfGate.GitHub;

namespace AfirGen.PerfGate.Cli;

/// <summary>Takes credentials out of the error lines the command line prints: a mistyped command can put a token where an argument goes, and the parser echoes arguments.</summary>
internal static class Redaction
{
    /// <summary><paramref name="text"/> with the GITHUB_TOKEN value, and anything shaped like a GitHub token, replaced by ***.</summary>
    public static string Apply(string text) => GitHubFailure.Redact(text, Environment.GetEnvironmentVariable("GITHUB_TOKEN"));
}
