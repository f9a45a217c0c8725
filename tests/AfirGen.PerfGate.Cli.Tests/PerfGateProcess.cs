using System.Diagnostics;

namespace AfirGen.PerfGate.Tests.Tooling;

/// <summary>Runs the built tool as a separate process, as a user or CI would.</summary>
internal static class PerfGateProcess
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "dotnet-perfgate.dll");

    public sealed record Outcome(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    public static Outcome Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    public static Outcome Run(string workingDirectory, IDictionary<string, string>? environment, params string[] args) =>
        Run(workingDirectory, environment, [], TimeSpan.FromMinutes(2), args);

    /// <summary>Runs with extra variables, without the <paramref name="unset"/> ones (as on a machine that lacks them), for at most <paramref name="timeout"/>.</summary>
    public static Outcome Run(string workingDirectory, IDictionary<string, string>? environment, IEnumerable<string> unset, TimeSpan timeout, params string[] args)
    {
        using var p = Start(workingDirectory, environment, args, unset);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"perfgate {string.Join(' ', args)} did not finish");
        }

        return new Outcome(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static Process Start(string workingDirectory, IDictionary<string, string>? environment, params string[] args) =>
        Start(workingDirectory, environment, args, []);

    private static Process Start(string workingDirectory, IDictionary<string, string>? environment, string[] args, IEnumerable<string> unset)
    {
        // Through env(1), which execs dotnet in the same process with SIGINT, SIGHUP and SIGTERM at their defaults: a
        // test run started in the background or under nohup hands its children those signals ignored, and the runtime
        // rightly keeps an ignored signal ignored, so the signal tests would test the shell instead of the tool.
        var psi = new ProcessStartInfo("env")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("--default-signal=INT,HUP,TERM");
        psi.ArgumentList.Add("dotnet");
        psi.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        foreach (var k in unset)
        {
            psi.Environment.Remove(k);
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
    }
}
