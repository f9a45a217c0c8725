using System.Diagnostics;
using System.Text;

namespace AfirGen.PerfGate.History;

/// <summary>Runs git in a repository, with its input and output as bytes; a failure names the git command and what git said.</summary>
internal sealed class GitCommand(string repository)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>An index file of our own, so that the repository's index and work tree are never touched.</summary>
    public string? IndexFile { get; init; }

    public byte[] Run(params string[] args) => Run(null, args);

    public byte[] Run(byte[]? input, params string[] args)
    {
        var (code, output, error) = TryRun(input, args);
        return code == 0 ? output : throw new RunFailedException($"git {args[0]} failed in {repository}: {Last(error)}");
    }

    public string Text(params string[] args) => Encoding.UTF8.GetString(Run(args)).Trim();

    public (int Code, byte[] Output, string Error) TryRun(byte[]? input, params string[] args)
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = repository,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
        psi.Environment["LC_ALL"] = "C";
        if (IndexFile is not null)
        {
            psi.Environment["GIT_INDEX_FILE"] = IndexFile;
        }

        // A commit needs an author; a CI checkout often has none configured.
        foreach (var (name, value) in new[] { ("GIT_AUTHOR_NAME", "perfgate"), ("GIT_AUTHOR_EMAIL", "perfgate@localhost"), ("GIT_COMMITTER_NAME", "perfgate"), ("GIT_COMMITTER_EMAIL", "perfgate@localhost") })
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
            {
                psi.Environment[name] = value;
            }
        }

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new RunFailedException("cannot start git");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new RunFailedException($"cannot start git (is it installed?): {e.Message}", e);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var writer = Task.Run(() =>
            {
                using var stdin = process.StandardInput.BaseStream;
                if (input is not null)
                {
                    stdin.Write(input);
                }
            });
            using var output = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(output);
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new RunFailedException($"git {args[0]} did not finish within {Timeout.TotalMinutes} minutes in {repository}");
            }

            writer.Wait();
            return (process.ExitCode, output.ToArray(), error.Result);
        }
    }

    private static string Last(string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "no message" : lines[^1];
    }
}
