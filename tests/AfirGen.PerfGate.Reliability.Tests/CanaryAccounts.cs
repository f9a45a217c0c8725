using System.Diagnostics;
using AfirGen.PerfGate.Load.Tests;

namespace AfirGen.PerfGate.Reliability.Tests;

/// <summary>
/// A MariaDB user and a Redis ACL user whose passwords are the canary, on the services scripts/services.sh started, so that
/// the canary is a working credential and every success path carries it too. Removed again on dispose.
/// </summary>
internal sealed class CanaryAccounts : IDisposable
{
    private const string User = "perfgate_canary";

    private CanaryAccounts(string mySql, string redis, string mySqlUrl, string redisUrl)
    {
        MySql = mySql;
        Redis = redis;
        MySqlUrl = mySqlUrl;
        RedisUrl = redisUrl;
    }

    /// <summary>A connection string for the MariaDB user.</summary>
    public string MySql { get; }

    /// <summary>A configuration string for the Redis user.</summary>
    public string Redis { get; }

    /// <summary>The MariaDB user as a mysql://user:password@host:port/database URL.</summary>
    public string MySqlUrl { get; }

    /// <summary>The Redis user as a redis://user:password@host:port URL.</summary>
    public string RedisUrl { get; }

    public static CanaryAccounts Create(string password)
    {
        var mysql = Parts(Services.MySql, ';', '=');
        // Root through the server's socket, as scripts/services.sh set it up: the tests' own user may not create users.
        Run("mariadb", "--no-defaults", $"--socket={Socket()}", "-uroot", "-e",
            $"CREATE OR REPLACE USER '{User}'@'%' IDENTIFIED BY '{password}'; GRANT ALL PRIVILEGES ON `{mysql["Database"]}`.* TO '{User}'@'%';");
        var redis = Services.Redis.Split(',');
        var redisPassword = Parts(string.Join(';', redis.Skip(1)), ';', '=')["password"];
        var (host, port) = (redis[0][..redis[0].LastIndexOf(':')], redis[0][(redis[0].LastIndexOf(':') + 1)..]);
        Run("redis-cli", "-h", host, "-p", port, "-a", redisPassword, "--no-auth-warning", "ACL", "SETUSER", User, "reset", "on", ">" + password, "~*", "+@all");
        return new CanaryAccounts(
            $"Server={mysql["Server"]};Port={mysql["Port"]};User ID={User};Password={password};Database={mysql["Database"]}",
            $"{redis[0]},user={User},password={password}",
            $"mysql://{User}:{Uri.EscapeDataString(password)}@{mysql["Server"]}:{mysql["Port"]}/{mysql["Database"]}",
            $"redis://{User}:{Uri.EscapeDataString(password)}@{redis[0]}");
    }

    public void Dispose()
    {
        Run("mariadb", "--no-defaults", $"--socket={Socket()}", "-uroot", "-e", $"DROP USER IF EXISTS '{User}'@'%';");
        var redis = Services.Redis.Split(',');
        var redisPassword = Parts(string.Join(';', redis.Skip(1)), ';', '=')["password"];
        Run("redis-cli", "-h", redis[0][..redis[0].LastIndexOf(':')], "-p", redis[0][(redis[0].LastIndexOf(':') + 1)..], "-a", redisPassword, "--no-auth-warning", "ACL", "DELUSER", User);
    }

    private static string Socket() =>
        Path.Combine(Environment.GetEnvironmentVariable("PERFGATE_SERVICES_DIR") ?? "/tmp/perfgate-services", "mysql.sock");

    private static Dictionary<string, string> Parts(string text, char separator, char equals) =>
        text.Split(separator, StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(equals, 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);

    private static void Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var error = p.StandardError.ReadToEnd();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0 && !output.StartsWith("ERR", StringComparison.Ordinal), $"{file} failed: {error}{output}");
    }
}
