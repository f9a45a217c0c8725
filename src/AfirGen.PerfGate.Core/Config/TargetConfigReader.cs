using System.Text.Json;
using AfirGen.PerfGate.Config.Scenarios;
using AfirGen.PerfGate.IO;

namespace AfirGen.PerfGate.Config;

/// <summary>Reads the <c>target</c> section of perfgate.json: how to start the system under test and how to know it is up.</summary>
internal static class TargetConfigReader
{
    public static TargetDefinition Read(JsonElement element, string source)
    {
        var at = new JsonCursor(element, "$.target", source).Object();
        at.RejectUnknown("project", "command", "url", "ready", "env", "startTimeout");
        var directory = Path.GetDirectoryName(Path.GetFullPath(source)) ?? System.Environment.CurrentDirectory;
        var project = at.OptionalProperty("project") is { } p ? ConfigPath.Resolve(directory, p.String(), source, p.Path) : null;
        var command = at.OptionalProperty("command")?.Items().Select(c => c.String()).ToList() ?? [];
        if ((project is null) == (command.Count == 0))
        {
            throw at.Fail("set exactly one of \"project\" (a .NET project to build and run) or \"command\" (a non-empty array)");
        }

        var urlAt = at.Property("url");
        var url = Absolute(urlAt, urlAt.String());
        // "ready" may be relative to the url ("/health"); a text that cannot be resolved at all is as wrong as a bad absolute one.
        var ready = at.OptionalProperty("ready") is { } r
            ? Absolute(r, Uri.TryCreate(url, r.String(), out var resolved) ? resolved.ToString() : r.String())
            : url;
        return new TargetDefinition
        {
            Project = project,
            Command = command,
            Url = url,
            Ready = ready,
            Environment = at.OptionalProperty("env")?.Properties().Select(e => KeyValuePair.Create(e.Name, e.Value.String())).ToList() ?? [],
            StartTimeout = at.OptionalProperty("startTimeout") is { } t ? DurationText.Parse(t.String(), source, t.Path) : TimeSpan.FromSeconds(60),
            WorkingDirectory = directory,
        };
    }

    private static Uri Absolute(JsonCursor at, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw at.Fail($"'{text}' is not an absolute http or https URL");
}
