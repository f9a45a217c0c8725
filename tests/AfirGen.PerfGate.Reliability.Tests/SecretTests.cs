using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using AfirGen.PerfGate.GitHub.Tests;
using AfirGen.PerfGate.Tests.Tooling;
using Xunit.Abstractions;

namespace AfirGen.PerfGate.Reliability.Tests;

/// <summary>A canary GitHub token and a canary MySQL/Redis password passed through every command, failures and diagnostics included, appear in no output and no file.</summary>
public sealed class SecretTests(ITestOutputHelper output)
{
    [Fact]
    public void CanariesAppearInNoOutputOrFileOfAnyCommand()
    {
        // Random per run, so that a value cached or logged by an earlier run cannot pass for this one's; '+' and '/' make
        // the escaped forms (URL, JSON \u002B) differ from the raw one.
        var token = "ghp_" + RandomNumberGenerator.GetHexString(36, lowercase: true);
        var password = "Pw+" + RandomNumberGenerator.GetHexString(24) + "/x";
        using var dir = new TempDir();
        using var accounts = CanaryAccounts.Create(password);
        using var server = new OkServer();
        using var github = new FakeGitHub();
        var down = OkServer.FreePort();
        var env = new Dictionary<string, string>
        {
            ["GITHUB_TOKEN"] = token,
            ["PERFGATE_DEBUG"] = "1",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REPOSITORY"] = "afirgen/backend",
            ["GITHUB_STEP_SUMMARY"] = dir.File("step-summary.md"),
            ["GITHUB_OUTPUT"] = dir.File("step-output.txt"),
            ["PERFGATE_GITHUB_MAX_RETRY_DELAY_MS"] = "10",
            ["CANARY_MYSQL"] = accounts.MySql,
            ["CANARY_MYSQL_WRONG"] = accounts.MySql.Replace(password, password + "wrong", StringComparison.Ordinal),
            ["CANARY_MYSQL_DOWN"] = string.Create(CultureInfo.InvariantCulture, $"Server=127.0.0.1;Port={down};User ID=perfgate;Password={password};Connection Timeout=2"),
            ["CANARY_REDIS"] = accounts.Redis,
            ["CANARY_REDIS_WRONG"] = accounts.Redis.Replace(password, password + "wrong", StringComparison.Ordinal),
            ["CANARY_REDIS_DOWN"] = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{down},password={password},connectTimeout=1000"),
            // The URL forms hosting services hand out, working and down; and malformed ones, which are bad input naming the variable.
            ["CANARY_MYSQL_URL"] = accounts.MySqlUrl,
            ["CANARY_MYSQL_URL_DOWN"] = string.Create(CultureInfo.InvariantCulture, $"mysql://perfgate:{Uri.EscapeDataString(password)}@127.0.0.1:{down}/fir?Connection%20Timeout=2"),
            ["CANARY_REDIS_URL"] = accounts.RedisUrl,
            ["CANARY_REDIS_URL_DOWN"] = string.Create(CultureInfo.InvariantCulture, $"redis://:{Uri.EscapeDataString(password)}@127.0.0.1:{down}"),
            ["CANARY_MYSQL_BAD"] = $"Server=127.0.0.1;Password={password};SslMode=bogus",
            ["CANARY_MYSQL_URL_BAD"] = $"mysql://perfgate:{Uri.EscapeDataString(password)}@127.0.0.1/fir?SslMode={password}",
            ["CANARY_REDIS_BAD"] = $"127.0.0.1,password={password},abortConnect=maybe",
            ["CANARY_REDIS_URL_BAD"] = $"redis://:{Uri.EscapeDataString(password)}@127.0.0.1:6379/{password}",
        };
        File.WriteAllText(dir.File("perfgate.json"), $$"""
            {
              "scenarios": {
                "api": [ { "name": "ok", "url": "{{server.Url}}/ok", "levels": [1], "iterations": 20, "warmup": 0 } ],
                "db": [
                  { "name": "pk", "connection": "env:CANARY_MYSQL", "query": "SELECT 1", "levels": [1], "iterations": 20, "warmup": 0 },
                  { "name": "wrong", "connection": "env:CANARY_MYSQL_WRONG", "query": "SELECT 1", "levels": [1], "iterations": 5, "warmup": 0 },
                  { "name": "down", "connection": "env:CANARY_MYSQL_DOWN", "query": "SELECT 1", "levels": [1], "iterations": 5, "warmup": 0 },
                  { "name": "url", "connection": "env:CANARY_MYSQL_URL", "query": "SELECT 1", "levels": [1], "iterations": 20, "warmup": 0 },
                  { "name": "url-down", "connection": "env:CANARY_MYSQL_URL_DOWN", "query": "SELECT 1", "levels": [1], "iterations": 5, "warmup": 0 }
                ],
                "cache": [
                  { "name": "get", "connection": "env:CANARY_REDIS", "operation": "get", "prefix": "t:canary:", "keys": 10, "levels": [1], "iterations": 20, "warmup": 0 },
                  { "name": "wrong", "connection": "env:CANARY_REDIS_WRONG", "operation": "get", "keys": 10, "levels": [1], "iterations": 5, "warmup": 0 },
                  { "name": "down", "connection": "env:CANARY_REDIS_DOWN", "operation": "get", "keys": 10, "levels": [1], "iterations": 5, "warmup": 0 },
                  { "name": "url", "connection": "env:CANARY_REDIS_URL", "operation": "get", "prefix": "t:canary-url:", "keys": 10, "levels": [1], "iterations": 20, "warmup": 0 },
                  { "name": "url-down", "connection": "env:CANARY_REDIS_URL_DOWN", "operation": "get", "keys": 10, "levels": [1], "iterations": 5, "warmup": 0 }
                ]
              }
            }
            """);
        // The one place the canary is written on purpose: a config that inlines the secret, which must be refused without echoing it.
        Directory.CreateDirectory(dir.File("inputs"));
        File.WriteAllText(dir.File("inputs/inline.json"), $$"""
            { "scenarios": { "db": [ { "name": "x", "connection": "{{accounts.MySql}}", "query": "SELECT 1" } ] } }
            """);

        foreach (var bad in new[] { "CANARY_MYSQL_BAD", "CANARY_MYSQL_URL_BAD", "CANARY_REDIS_BAD", "CANARY_REDIS_URL_BAD" })
        {
            var scenario = bad.Contains("MYSQL", StringComparison.Ordinal)
                ? $$"""{ "db": [ { "name": "bad", "connection": "env:{{bad}}", "query": "SELECT 1" } ] }"""
                : $$"""{ "cache": [ { "name": "bad", "connection": "env:{{bad}}", "operation": "get" } ] }""";
            File.WriteAllText(dir.File($"{bad}.json"), $$"""{ "scenarios": {{scenario}} }""");
        }

        // A target that is handed the connection through "env:" and prints it as it dies: perfgate quotes a dying target's last line.
        File.WriteAllText(dir.File("target.json"), $$"""
            {
              "target": { "command": ["bash", "-c", "echo \"cannot connect with $FIR_DB\" >&2; exit 3"], "url": "http://127.0.0.1:{{down}}/", "env": { "FIR_DB": "env:CANARY_MYSQL" } },
              "scenarios": { "api": [ { "name": "home", "url": "http://127.0.0.1:{{down}}/", "levels": [1], "iterations": 5, "warmup": 0 } ] }
            }
            """);

        var runs = new List<(string Command, PerfGateProcess.Outcome Outcome)>();
        void Run(params string[] args) => runs.Add((string.Join(' ', args), PerfGateProcess.Run(dir.Path, env, [], TimeSpan.FromMinutes(2), args)));

        Run("run", "--out", "out-run", "--save-baseline", "baselines/run.json");
        Run("run", "--out", "out-run-gated", "--threshold", "p95<1us", "--baseline", "baselines/run.json");
        Run("run", "--config", "inputs/inline.json", "--out", "out-inline");
        Run("run", "--config", "target.json", "--out", "out-target");
        foreach (var bad in new[] { "CANARY_MYSQL_BAD", "CANARY_MYSQL_URL_BAD", "CANARY_REDIS_BAD", "CANARY_REDIS_URL_BAD" })
        {
            Run("run", "--config", $"{bad}.json", "--out", $"out-{bad}");
        }

        Run("load", server.Url + "/ok", "-H", "Authorization: token " + token, "-H", "X-Db-Password: " + password, "-c", "1", "-n", "20", "--warmup", "0", "--out", "out-load");
        Run("load", $"http://127.0.0.1:{down}/ok", "-H", "Authorization: token " + token, "-c", "1", "-n", "5", "--warmup", "0", "--out", "out-load-down");
        Run("load", $"http://perfgate:{Uri.EscapeDataString(password)}@127.0.0.1:{down}/ok", "-c", "1", "-n", "5", "--warmup", "0", "--out", "out-load-userinfo");
        Run("compare", "baselines/run.json", "out-run/results.json", "--out", "out-compare");
        Directory.CreateDirectory(dir.File("reports"));
        foreach (var format in new[] { "text", "detailed", "markdown", "json", "html" })
        {
            Run("report", "out-run/results.json", "--baseline", "baselines/run.json", "--format", format);
            Run("report", "out-load/results.json", "--format", format, "--output", $"reports/load.{format}");
        }

        Run("baseline", "save", "out-load/results.json", "--to", "baselines/load.json");
        Run("baseline", "show", "baselines/run.json");
        Run("merge", "out-run/results.json", "out-load/results.json", "--output", "merged.json");
        // GitHub answers 401 and 500 with the token echoed back, then cannot be reached at all.
        github.FailNextWithBody(null, 401, $$"""{"message":"Bad credentials: {{token}}"}""");
        Run("comment", "--results", "out-run", "--pr", "7", "--api-url", github.BaseUrl);
        for (var i = 0; i < 10; i++)
        {
            github.FailNextWithBody(null, 500, $$"""{"message":"boom {{token}} {{Uri.EscapeDataString(token)}}"}""");
        }

        Run("comment", "--results", "out-run", "--pr", "7", "--api-url", github.BaseUrl);
        Run("comment", "--results", "out-run", "--pr", "7", "--api-url", string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{down}"));
        Run("comment", "--results", "out-run-gated", "--baseline", "baselines/run.json", "--pr", "7", "--api-url", github.BaseUrl);
        // A token given where no option takes one is bad usage; the error must not repeat it.
        Run("comment", "--results", "out-run", "--token", token);
        Run("comment", token);

        // The canaries were used: the successful scenarios ran with them, and the failed ones failed for them.
        Assert.True(File.Exists(dir.File("out-run/results.json")), runs[0].Outcome.ToString());
        var results = AfirGen.PerfGate.IO.ResultsJson.Read(dir.File("out-run/results.json"));
        Assert.Contains(results.Benchmarks, b => b.Id == "db/pk@c1" && b.Status == AfirGen.PerfGate.Model.BenchmarkStatus.Succeeded);
        Assert.Contains(results.Benchmarks, b => b.Id == "cache/get@c1" && b.Status == AfirGen.PerfGate.Model.BenchmarkStatus.Succeeded);
        Assert.Contains(results.Benchmarks, b => b.Id == "db/url@c1" && b.Status == AfirGen.PerfGate.Model.BenchmarkStatus.Succeeded);
        Assert.Contains(results.Benchmarks, b => b.Id == "cache/url@c1" && b.Status == AfirGen.PerfGate.Model.BenchmarkStatus.Succeeded);
        Assert.Equal(["cache/down", "cache/url-down", "cache/wrong", "db/down", "db/url-down", "db/wrong"], results.Skipped.Select(s => s.Id).Order(StringComparer.Ordinal));
        // A malformed connection is bad input naming its variable, before anything ran.
        foreach (var (command, outcome) in runs.Where(r => r.Command.Contains("_BAD.json", StringComparison.Ordinal)))
        {
            Assert.True(outcome.ExitCode == 2, $"{command}: {outcome}");
            Assert.Contains("environment variable CANARY_", outcome.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", outcome.Stderr, StringComparison.Ordinal);
        }

        Assert.True(github.Requests.Any(r => string.Equals(r.Authorization, "token " + token, StringComparison.OrdinalIgnoreCase)), "GitHub never received the token");

        var forms = Forms(token).Concat(Forms(password)).ToList();
        var places = runs.SelectMany(r => new[] { ($"stdout of {r.Command}", r.Outcome.Stdout), ($"stderr of {r.Command}", r.Outcome.Stderr) })
            .Concat(Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories)
                .Where(f => !f.StartsWith(dir.File("inputs"), StringComparison.Ordinal))
                .Select(f => ($"file {Path.GetRelativePath(dir.Path, f)}", File.ReadAllText(f))))
            .ToList();
        var leaks = places.SelectMany(p => forms.Where(f => p.Item2.Contains(f.Text, StringComparison.OrdinalIgnoreCase)).Select(f => $"{f.Name} in {p.Item1}")).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{runs.Count} commands, exit codes {string.Join(' ', runs.Select(r => r.Outcome.ExitCode))}; {places.Count} outputs and files searched for {forms.Count} forms"));
        Assert.True(leaks.Count == 0, string.Join('\n', leaks) + "\n\n" + string.Join("\n\n", runs.Where(r => leaks.Any(l => l.EndsWith(r.Command, StringComparison.Ordinal))).Select(r => $"$ perfgate {r.Command}\n{r.Outcome}")));
    }

    /// <summary>The secret as it could show up: raw, URL-encoded, base64, JSON-escaped, and its random core alone (cut short, or escaped some other way).</summary>
    private static IEnumerable<(string Name, string Text)> Forms(string secret)
    {
        var core = new string(secret.Where(char.IsAsciiHexDigit).ToArray())[4..20];
        yield return ("raw " + secret[..4], secret);
        yield return ("URL-encoded " + secret[..4], Uri.EscapeDataString(secret));
        yield return ("form-encoded " + secret[..4], WebUtility.UrlEncode(secret));
        yield return ("base64 " + secret[..4], Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)));
        yield return ("JSON-escaped " + secret[..4], System.Text.Json.JsonSerializer.Serialize(secret).Trim('"'));
        yield return ("core of " + secret[..4], core);
    }

}
