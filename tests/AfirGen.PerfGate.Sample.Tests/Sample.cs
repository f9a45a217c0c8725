using System.Text.Json.Nodes;
using AfirGen.PerfGate.Load.Tests;

namespace AfirGen.PerfGate.Sample.Tests;

/// <summary>The sample's files in this repository, and configs derived from them with shorter load for tests.</summary>
internal static class Sample
{
    public static string Root { get; } = Services.RepoRoot();

    public static string Config => Path.Combine(Root, "samples", "perfgate.json");

    public static string Baseline => Path.Combine(Root, "baselines", "sample.json");

    public static readonly string[] ServiceVariables = [Services.MySqlVariable, Services.RedisVariable];

    /// <summary>
    /// Writes samples/perfgate.json to <paramref name="path"/> with absolute project paths and, when given, a shorter load,
    /// only the scenarios <paramref name="keep"/> selects, and extra target environment.
    /// </summary>
    public static string DeriveConfig(string path, JsonObject? load = null, Func<string, bool>? keep = null, IReadOnlyDictionary<string, string>? targetEnv = null)
    {
        var config = JsonNode.Parse(File.ReadAllText(Config))!.AsObject();
        var samples = Path.Combine(Root, "samples");
        var projects = config["projects"]!.AsArray();
        for (var i = 0; i < projects.Count; i++)
        {
            projects[i] = Path.Combine(samples, projects[i]!.GetValue<string>());
        }

        var target = config["target"]!.AsObject();
        target["project"] = Path.Combine(samples, target["project"]!.GetValue<string>());
        if (targetEnv is not null)
        {
            target["env"] = new JsonObject(targetEnv.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
        }

        var scenarios = config["scenarios"]!.AsObject();
        if (load is not null)
        {
            scenarios["load"] = load.DeepClone();
        }

        foreach (var category in new[] { "api", "db", "cache" })
        {
            var list = scenarios[category]!.AsArray();
            foreach (var s in list.ToList())
            {
                var id = $"{category}/{s!["name"]!.GetValue<string>()}";
                if (keep is not null && !keep(id))
                {
                    list.Remove(s);
                }
                else if (load is not null && s["iterations"] is not null)
                {
                    // The sustained run keeps its iteration count; only its level is shortened to the test's.
                    s.AsObject()["levels"] = load["levels"]!.DeepClone();
                }
            }
        }

        File.WriteAllText(path, config.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    /// <summary>True when something accepts connections on the sample backend's port.</summary>
    public static bool BackendListening()
    {
        using var client = new System.Net.Sockets.TcpClient();
        try
        {
            client.Connect("127.0.0.1", 5080);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
