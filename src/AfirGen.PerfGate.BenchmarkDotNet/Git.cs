namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>The few git operations the runner needs, through the git command line.</summary>
internal static class Git
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static async Task<string> RunAsync(string directory, CancellationToken cancellationToken, params string[] args)
    {
        var outcome = await ChildProcess.RunAsync("git", args, directory, null, Timeout, cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
        {
            throw new GitException($"git {string.Join(' ', args)}: {outcome.Output.LastOrDefault(l => l.Length > 0) ?? "failed"}");
        }

        return string.Join('\n', outcome.Output).Trim();
    }

    /// <summary>The top folder of the repository holding <paramref name="directory"/>.</summary>
    public static async Task<string> TopLevelAsync(string directory, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(directory, cancellationToken, "rev-parse", "--show-toplevel").ConfigureAwait(false);
        }
        catch (GitException)
        {
            throw new InputException(directory, null, "is not inside a git repository; `perfgate ab` compares two revisions of one");
        }
    }

    /// <summary>The commit a ref names; bad refs are bad input.</summary>
    public static async Task<GitRevision> ResolveAsync(string repository, string gitRef, string option, CancellationToken cancellationToken)
    {
        try
        {
            return new GitRevision(gitRef, await RunAsync(repository, cancellationToken, "rev-parse", "--verify", "--quiet", gitRef + "^{commit}").ConfigureAwait(false));
        }
        catch (GitException)
        {
            throw new InputException(option, null, $"'{gitRef}' is not a commit in {repository}");
        }
    }

    /// <summary>Best-effort source info of a checkout: commit and branch (CI variables first).</summary>
    public static async Task<Model.SourceInfo?> SourceAsync(string directory, CancellationToken cancellationToken)
    {
        try
        {
            var commit = await RunAsync(directory, cancellationToken, "rev-parse", "HEAD").ConfigureAwait(false);
            var branch = Environment.GetEnvironmentVariable("GITHUB_HEAD_REF") is { Length: > 0 } head ? head
                : Environment.GetEnvironmentVariable("GITHUB_REF_NAME") is { Length: > 0 } name ? name
                : await RunAsync(directory, cancellationToken, "rev-parse", "--abbrev-ref", "HEAD").ConfigureAwait(false);
            return new Model.SourceInfo(commit, branch == "HEAD" ? null : branch);
        }
        catch (GitException)
        {
            return null;
        }
        catch (RunFailedException)
        {
            return null; // no git on this machine: the results simply carry no source
        }
    }

    /// <summary>A git command failed.</summary>
    internal sealed class GitException(string message) : Exception(message);
}
