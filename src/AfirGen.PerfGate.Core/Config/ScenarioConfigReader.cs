using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AfirGen.PerfGate.Config.Scenarios;
using AfirGen.PerfGate.IO;

namespace AfirGen.PerfGate.Config;

/// <summary>Reads the "scenarios" section of perfgate.json strictly: every problem names its JSON path.</summary>
internal static partial class ScenarioConfigReader
{
    private static readonly string[] LoadKeys = ["levels", "rates", "workers", "duration", "iterations", "warmup", "timeout"];

    /// <summary>Reads the section; <paramref name="source"/> is the config file, whose folder data files are relative to.</summary>
    public static ScenarioSuite Read(JsonElement element, string source)
    {
        var at = new JsonCursor(element, "$.scenarios", source);
        at.RejectUnknown("load", "api", "db", "cache");
        var load = at.OptionalProperty("load") is { } l ? ReadLoad(l, new LoadSettings(), checkUnknown: true) : new LoadSettings();
        var scenarios = new List<ScenarioDefinition>();
        AddAll(at, "api", scenarios, s => ReadHttp(s, load));
        AddAll(at, "db", scenarios, s => ReadDb(s, load));
        AddAll(at, "cache", scenarios, s => ReadCache(s, load));
        return new ScenarioSuite { Load = load, Scenarios = scenarios };
    }

    private static void AddAll(JsonCursor at, string category, List<ScenarioDefinition> into, Func<JsonCursor, ScenarioDefinition> read)
    {
        if (at.OptionalProperty(category) is not { } list)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Items())
        {
            var scenario = read(item);
            if (!seen.Add(scenario.Name))
            {
                throw item.Property("name").Fail($"duplicate scenario name \"{scenario.Name}\" in {category}");
            }

            into.Add(scenario);
        }
    }

    private static HttpScenarioDefinition ReadHttp(JsonCursor at, LoadSettings defaults)
    {
        at.RejectUnknown([.. LoadKeys, "name", "method", "url", "headers", "body", "variables", "expect", "http", "insecure"]);
        var variables = ReadVariables(at);
        var urlAt = at.Property("url");
        var url = Template(urlAt, variables);
        if (!Uri.TryCreate(TemplateNames().Replace(url, "1"), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw urlAt.Fail($"'{url}' is not an absolute http or https URL");
        }

        var expect = at.OptionalProperty("expect");
        expect?.RejectUnknown("status", "body");
        var version = at.OptionalProperty("http")?.String() ?? "1.1";
        if (version is not ("1.1" or "2"))
        {
            throw at.Property("http").Fail($"\"{version}\" is not supported; use \"1.1\" or \"2\"");
        }

        var method = at.OptionalProperty("method")?.String() ?? "GET";
        if (!HttpMethodName().IsMatch(method))
        {
            throw at.Property("method").Fail($"'{method}' is not an HTTP method");
        }

        return new HttpScenarioDefinition
        {
            Name = Name(at),
            Load = ReadLoad(at, defaults, checkUnknown: false),
            Variables = variables,
            Method = method.ToUpperInvariant(),
            Url = url,
            Headers = at.OptionalProperty("headers")?.Properties().Select(h => KeyValuePair.Create(h.Name, Template(h.Value, variables))).ToList() ?? [],
            Body = at.OptionalProperty("body") is { } body ? Template(body, variables) : null,
            ExpectStatus = expect?.OptionalProperty("status")?.Items().Select(s => s.Int32(100) is var c && c <= 599 ? c : throw s.Fail($"{c} is not an HTTP status")).ToList() ?? [],
            ExpectBodyContains = expect?.OptionalProperty("body")?.String(),
            HttpVersion = version,
            Insecure = at.OptionalProperty("insecure")?.Boolean() ?? false,
        };
    }

    private static DbScenarioDefinition ReadDb(JsonCursor at, LoadSettings defaults)
    {
        at.RejectUnknown([.. LoadKeys, "name", "connection", "setup", "teardown", "query", "variables", "explain", "pooled"]);
        var explain = at.OptionalProperty("explain")?.String() ?? "warn";
        return new DbScenarioDefinition
        {
            Name = Name(at),
            Load = ReadLoad(at, defaults, checkUnknown: false),
            Variables = ReadVariables(at),
            ConnectionVariable = Connection(at.Property("connection")),
            Setup = Statements(at.OptionalProperty("setup")),
            Teardown = Statements(at.OptionalProperty("teardown")),
            Query = NonEmpty(at.Property("query")),
            Explain = explain switch
            {
                "off" => ExplainPolicy.Off,
                "warn" => ExplainPolicy.Warn,
                "fail" => ExplainPolicy.Fail,
                _ => throw at.Property("explain").Fail($"\"{explain}\" is not one of: off, warn, fail"),
            },
            Pooled = at.OptionalProperty("pooled")?.Boolean() ?? true,
        };
    }

    private static CacheScenarioDefinition ReadCache(JsonCursor at, LoadSettings defaults)
    {
        at.RejectUnknown([.. LoadKeys, "name", "connection", "operation", "prefix", "keys", "valueSize", "readRatio", "ttl", "fetch", "compareUncached", "connections", "variables"]);
        var opAt = at.OptionalProperty("operation");
        var op = (opAt?.String() ?? "get") switch
        {
            "get" => CacheOperation.Get,
            "get-miss" => CacheOperation.GetMiss,
            "set" => CacheOperation.Set,
            "delete" => CacheOperation.Delete,
            "get-or-fetch" => CacheOperation.GetOrFetch,
            "mixed" => CacheOperation.Mixed,
            "key" => CacheOperation.Key,
            var other => throw opAt!.Value.Fail($"\"{other}\" is not one of: get, get-miss, set, delete, get-or-fetch, mixed, key"),
        };
        var variables = ReadVariables(at);
        var fetch = at.OptionalProperty("fetch") is { } f ? ReadFetch(f, variables) : null;
        if (op == CacheOperation.GetOrFetch && fetch is null)
        {
            throw at.Fail("get-or-fetch needs \"fetch\": {\"delay\": \"5ms\"}, {\"sql\": …, \"connection\": …} or {\"url\": …}");
        }

        var ratioAt = at.OptionalProperty("readRatio");
        var ratio = ratioAt?.NonNegative() ?? 0.8;
        return new CacheScenarioDefinition
        {
            Name = Name(at),
            Load = ReadLoad(at, defaults, checkUnknown: false),
            Variables = variables,
            ConnectionVariable = Connection(at.Property("connection")),
            Operation = op,
            Prefix = at.OptionalProperty("prefix")?.String() ?? "perfgate:",
            Keys = at.OptionalProperty("keys")?.Int32(1) ?? 1000,
            ValueSize = at.OptionalProperty("valueSize")?.Int32(0) ?? 100,
            ReadRatio = ratio <= 1 ? ratio : throw ratioAt!.Value.Fail("a read ratio is between 0 and 1"),
            Ttl = at.OptionalProperty("ttl") is { } ttl ? Duration(ttl) : null,
            Fetch = fetch,
            CompareUncached = at.OptionalProperty("compareUncached")?.Boolean() ?? true,
            Connections = at.OptionalProperty("connections")?.Int32(1) ?? 1,
        };
    }

    private static CacheFetchDefinition ReadFetch(JsonCursor at, IReadOnlyList<VariableDefinition> variables)
    {
        at.RejectUnknown("delay", "sql", "connection", "url");
        var fetch = new CacheFetchDefinition
        {
            Delay = at.OptionalProperty("delay") is { } d ? Duration(d) : null,
            Sql = at.OptionalProperty("sql") is { } sql ? NonEmpty(sql) : null,
            ConnectionVariable = at.OptionalProperty("connection") is { } c ? Connection(c) : null,
            Url = at.OptionalProperty("url") is { } url ? Template(url, variables) : null,
        };
        var sources = (fetch.Delay is null ? 0 : 1) + (fetch.Sql is null ? 0 : 1) + (fetch.Url is null ? 0 : 1);
        if (sources != 1)
        {
            throw at.Fail("give exactly one source: \"delay\", \"sql\" (with \"connection\") or \"url\"");
        }

        return fetch.Sql is not null && fetch.ConnectionVariable is null ? throw at.Fail("\"sql\" needs \"connection\": \"env:NAME\"") : fetch;
    }

    private static LoadSettings ReadLoad(JsonCursor at, LoadSettings s, bool checkUnknown)
    {
        if (checkUnknown)
        {
            at.RejectUnknown(LoadKeys);
        }

        if (at.OptionalProperty("levels") is { } levels)
        {
            s = s with { Levels = NonEmptyList(levels, l => l.Int32(1)) };
        }

        if (at.OptionalProperty("rates") is { } rates)
        {
            s = s with { Rates = NonEmptyList(rates, r => r.Positive()) };
        }

        if (at.OptionalProperty("workers") is { } workers)
        {
            s = s with { Connections = workers.Int32(1) };
        }

        var duration = at.OptionalProperty("duration");
        var iterations = at.OptionalProperty("iterations");
        if (duration is not null && iterations is not null)
        {
            throw iterations.Value.Fail("give either \"duration\" or \"iterations\", not both");
        }

        if (duration is { } d)
        {
            s = s with { Measure = LoadAmount.For(Duration(d)) };
        }

        if (iterations is { } n)
        {
            s = s with { Measure = LoadAmount.Count(n.Integer(1)) };
        }

        if (at.OptionalProperty("warmup") is { } w)
        {
            s = s with { Warmup = w.Element.ValueKind == JsonValueKind.Number ? LoadAmount.Count(w.Integer(0)) : LoadAmount.For(Duration(w)) };
        }

        return at.OptionalProperty("timeout") is { } t ? s with { Timeout = Duration(t) } : s;
    }

    private static List<VariableDefinition> ReadVariables(JsonCursor at)
    {
        var list = new List<VariableDefinition>();
        if (at.OptionalProperty("variables") is not { } vars)
        {
            return list;
        }

        foreach (var (name, v) in vars.Properties())
        {
            if (!IdentifierName().IsMatch(name))
            {
                throw v.Fail("a variable name is letters, digits and _ (not starting with a digit)");
            }

            v.RejectUnknown("range", "list", "file", "pick");
            var pick = v.OptionalProperty("pick")?.String() ?? "random";
            var variable = new VariableDefinition
            {
                Name = name,
                Sequential = pick switch
                {
                    "random" => false,
                    "sequential" => true,
                    _ => throw v.Property("pick").Fail($"\"{pick}\" is not one of: random, sequential"),
                },
            };
            list.Add(ReadValues(v, variable));
        }

        return list;
    }

    private static VariableDefinition ReadValues(JsonCursor v, VariableDefinition variable)
    {
        var range = v.OptionalProperty("range");
        var values = v.OptionalProperty("list");
        var file = v.OptionalProperty("file");
        if ((range is null ? 0 : 1) + (values is null ? 0 : 1) + (file is null ? 0 : 1) != 1)
        {
            throw v.Fail("give exactly one of \"range\": [min, max], \"list\": [...] or \"file\": \"path\"");
        }

        if (range is { } r)
        {
            var bounds = r.Items().Select(b => b.Integer(long.MinValue)).ToArray();
            // The width as an unsigned number: min and max a full long apart would wrap to a negative difference.
            return bounds.Length == 2 && bounds[0] <= bounds[1] && unchecked((ulong)(bounds[1] - bounds[0])) < long.MaxValue
                ? variable with { RangeMin = bounds[0], RangeMax = bounds[1] }
                : throw r.Fail("a range is [min, max] with min <= max and max - min below 9223372036854775807");
        }

        if (values is { } l)
        {
            return variable with { Values = NonEmptyList(l, i => i.Element.ValueKind == JsonValueKind.Number ? i.Element.GetRawText() : i.String()) };
        }

        var path = ConfigPath.Resolve(Path.GetDirectoryName(Path.GetFullPath(file!.Value.File)) ?? ".", file.Value.String(), file.Value.File, file.Value.Path);
        string[] lines;
        try
        {
            lines = InputFile.ReadLines(path).Where(line => line.Length > 0).ToArray();
        }
        catch (InputException e)
        {
            throw file.Value.Fail($"cannot read data file {path} ({e.Problem})");
        }

        return lines.Length > 0 ? variable with { Values = lines } : throw file.Value.Fail($"data file {path} has no lines");
    }

    private static string Template(JsonCursor at, IReadOnlyList<VariableDefinition> variables)
    {
        var text = at.String();
        foreach (Match m in TemplateNames().Matches(text))
        {
            var name = m.Groups[1].Value;
            if (!variables.Any(v => v.Name == name))
            {
                throw at.Fail($"{{{name}}} names no variable; declare it under \"variables\"");
            }
        }

        return text;
    }

    private static string Name(JsonCursor at)
    {
        var nameAt = at.Property("name");
        var name = nameAt.String();
        return ScenarioName().IsMatch(name) ? name : throw nameAt.Fail($"'{name}' is not a scenario name (letters, digits, _ . -; at most 100)");
    }

    private static string Connection(JsonCursor at)
    {
        var text = at.String();
        // Secrets never live in the file: only a reference to an environment variable is accepted.
        return text.StartsWith("env:", StringComparison.Ordinal) && IdentifierName().IsMatch(text[4..])
            ? text[4..]
            : throw at.Fail("give the connection as \"env:NAME\" (an environment variable holding it), never the connection string itself");
    }

    private static List<string> Statements(JsonCursor? at) => at?.Items().Select(NonEmpty).ToList() ?? [];

    private static string NonEmpty(JsonCursor at) => at.String() is { Length: > 0 } s && !string.IsNullOrWhiteSpace(s) ? s : throw at.Fail("is empty");

    private static TimeSpan Duration(JsonCursor at) => DurationText.Parse(at.String(), at.File, at.Path);

    private static List<T> NonEmptyList<T>(JsonCursor at, Func<JsonCursor, T> read)
    {
        var list = at.Items().Select(read).ToList();
        return list.Count > 0 ? list : throw at.Fail("is empty");
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    internal static partial Regex TemplateNames();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierName();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex ScenarioName();

    [GeneratedRegex(@"^[A-Za-z]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex HttpMethodName();
}
