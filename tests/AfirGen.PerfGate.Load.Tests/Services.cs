using System.Diagnostics;

namespace AfirGen.PerfGate.Load.Tests;

/// <summary>The MariaDB and Redis that scripts/services.sh started: from PERFGATE_MYSQL / PERFGATE_REDIS, or the env file it writes.</summary>
internal static class Services
{
    public const string MySqlVariable = "PERFGATE_MYSQL";
    public const string RedisVariable = "PERFGATE_REDIS";

    public static string MySql => Get(MySqlVariable);

    public static string Redis => Get(RedisVariable);

    /// <summary>Sets both variables in this process (the CLI reads connections from the environment).</summary>
    public static void Export()
    {
        Environment.SetEnvironmentVariable(MySqlVariable, MySql);
        Environment.SetEnvironmentVariable(RedisVariable, Redis);
    }

    /// <summary>Restarts one service through the script, as an operator would.</summary>
    public static async Task RestartAsync(string name)
    {
        var psi = new ProcessStartInfo("bash", [Path.Combine(RepoRoot(), "scripts", "services.sh"), "restart", name])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        Assert.True(process.ExitCode == 0, $"services.sh restart {name} failed: {await stderr}");
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AfirGen.PerfGate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AfirGen.PerfGate.sln not found above the test output folder");
    }

    private static string Get(string variable)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
        {
            return value;
        }

        var file = Path.Combine(Environment.GetEnvironmentVariable("PERFGATE_SERVICES_DIR") ?? "/tmp/perfgate-services", "env");
        var line = File.Exists(file) ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith($"export {variable}=", StringComparison.Ordinal)) : null;
        // Not a skip: the test command starts the services, so their absence is a failure to see.
        return line?.Split('=', 2)[1].Trim('\'') ?? throw new InvalidOperationException(
            $"{variable} is not set and {file} does not exist: run `eval \"$(scripts/services.sh start)\"` first (scripts/test.sh does)");
    }
}
