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
        var project = at.OptionalProperty("project") is { } p ? Path.GetFullPath(Path.Combine(directory, p.String())) : null;
        var command = at.OptionalProperty("command")?.Items().Select(c => c.String()).ToList() ?? [];
        if ((project is null) == (command.Count == 0))
        {
            throw at.Fail("set exactly one of \"project\" (a .NET project to build and run) or \"command\" (a non-empty array)");
        }

        var urlAt = at.Property("url");
        var url = Absolute(urlAt, urlAt.String());
        var ready = at.OptionalProperty("ready") is { } r ? Absolute(r, new Uri(url, r.String()).ToString()) : url;
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
