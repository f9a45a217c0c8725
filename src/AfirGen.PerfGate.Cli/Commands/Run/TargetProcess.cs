using System.Diagnostics;
using AfirGen.PerfGate.BenchmarkDotNet;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Cli.Commands.Run;

/// <summary>The system under test, started by perfgate from the config's <c>target</c> section and stopped (with its whole process tree) when disposed.</summary>
internal sealed class TargetProcess : IAsyncDisposable
{
    private const int KeptLines = 20;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly IReadOnlyList<string> _secrets;

    private TargetProcess(Process process, IReadOnlyList<string> secrets)
    {
        _process = process;
        _secrets = secrets;
    }

    /// <summary>The target's process id, for the system-metrics sampler.</summary>
    public int Id => _process.Id;

    /// <summary>Builds (a project) and starts the target, and returns once its readiness URL answers with a 2xx status.</summary>
    /// <exception cref="RunFailedException">It does not build, does not start, exits, or does not answer within its start timeout.</exception>
    public static async Task<TargetProcess> StartAsync(TargetDefinition target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var psi = await StartInfoAsync(target, cancellationToken).ConfigureAwait(false);
        var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new RunFailedException($"target did not start: cannot run {psi.FileName}: {e.Message}", e);
        }

        var started = new TargetProcess(process, Secrets(target));
        try
        {
            await started.WaitUntilReadyAsync(target, cancellationToken).ConfigureAwait(false);
            return started;
        }
        catch
        {
            await started.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the target and every process it started.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill: nothing left to stop.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static async Task<ProcessStartInfo> StartInfoAsync(TargetDefinition target, CancellationToken cancellationToken)
    {
        ProcessStartInfo psi;
        if (target.Project is { } project)
        {
            var built = await ProjectBuilder.BuildAsync(project, cancellationToken).ConfigureAwait(false);
            psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(built.AssemblyPath)! };
            psi.ArgumentList.Add(built.AssemblyPath);
            psi.ArgumentList.Add("--urls");
            psi.ArgumentList.Add(target.Url.GetLeftPart(UriPartial.Authority));
        }
        else
        {
            psi = new ProcessStartInfo(target.Command[0]) { WorkingDirectory = target.WorkingDirectory };
            foreach (var a in target.Command.Skip(1))
            {
                psi.ArgumentList.Add(a);
            }
        }

        psi.UseShellExecute = false;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in target.Environment)
        {
            if (!value.StartsWith("env:", StringComparison.Ordinal))
            {
                psi.Environment[name] = value;
            }
            else if (Environment.GetEnvironmentVariable(value[4..]) is { Length: > 0 } copied)
            {
                psi.Environment[name] = copied;
            }
        }

        return psi;
    }

    /// <summary>How <paramref name="target"/> is set up by this run: what is started, and which of its variables it gets (names only).</summary>
    public static SystemSetup Setup(TargetDefinition target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var what = target.Project is { } project
            ? "project " + Path.GetRelativePath(target.WorkingDirectory, project).Replace('\\', '/')
            : "command " + AfirGen.PerfGate.Secrets.Redact(string.Join(' ', target.Command));
        return new SystemSetup
        {
            Target = what.Length <= 1000 ? what : what[..1000],
            Variables = target.Environment
                .OrderBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => e.Value.StartsWith("env:", StringComparison.Ordinal)
                    ? new SetupVariable(e.Key, e.Value[4..], Environment.GetEnvironmentVariable(e.Value[4..]) is { Length: > 0 })
                    : new SetupVariable(e.Key, null, true))
                .ToList(),
        };
    }

    private async Task WaitUntilReadyAsync(TargetDefinition target, CancellationToken cancellationToken)
    {
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < target.StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new RunFailedException($"target did not start: it exited with code {_process.ExitCode}{LastLine()}");
            }

            try
            {
                using var response = await http.GetAsync(target.Ready, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet: poll again. A signal that came while the poll failed stops the wait as a
                // cancellation, not as the poll's own error (it surfaced as "internal error: Connection refused").
                cancellationToken.ThrowIfCancellationRequested();
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }

        throw new RunFailedException($"target did not start: {target.Ready} did not answer with 2xx within {Config.Scenarios.DurationText.Format(target.StartTimeout)}{LastLine()}");
    }

    /// <summary>The values the target gets through "env:" references: connection strings and the like, by the config's own rule.</summary>
    private static List<string> Secrets(TargetDefinition target) =>
        [.. target.Environment
            .Where(e => e.Value.StartsWith("env:", StringComparison.Ordinal))
            .Select(e => Environment.GetEnvironmentVariable(e.Value[4..]))
            .OfType<string>()
            .Where(v => v.Length > 0)];

    private void Keep(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        // A dying target's last line is quoted to the user; a target that prints its connection string must not leak it through us.
        foreach (var secret in _secrets)
        {
            line = line.Replace(secret, "***", StringComparison.Ordinal);
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line.Trim());
            if (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private string LastLine()
    {
        lock (_lastLines)
        {
            // An unhandled .NET exception prints its message first, then the stack: the message is the useful line.
            var line = _lastLines.FirstOrDefault(l => l.StartsWith("Unhandled exception", StringComparison.Ordinal)) ?? _lastLines.LastOrDefault();
            return line is null ? "" : $"; it said: {line}";
        }
    }
}
