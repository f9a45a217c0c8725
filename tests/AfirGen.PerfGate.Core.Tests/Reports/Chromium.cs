using System.Diagnostics;

namespace AfirGen.PerfGate.Tests.Reports;

/// <summary>Headless Chromium, found in one place: PERFGATE_CHROMIUM overrides the Debian default /usr/bin/chromium.</summary>
internal static class Chromium
{
    public static string Path =>
        System.Environment.GetEnvironmentVariable("PERFGATE_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    /// <summary>Runs Chromium headless on <paramref name="arguments"/> with a throw-away profile; returns its stdout.</summary>
    public static string Run(string profile, params string[] arguments)
    {
        // A missing browser is a failure, not a skip: the repository's test script installs it.
        Assert.True(File.Exists(Path), $"Chromium not found at {Path}; install it (apt-get install -y chromium) or set PERFGATE_CHROMIUM");
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        }.Concat(arguments))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Generous because the machine is two shared cores; a hung browser must still end the test.
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Chromium did not finish within 120 s");
        }

        Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
