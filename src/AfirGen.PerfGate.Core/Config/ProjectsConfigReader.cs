using System.Text.Json;

namespace AfirGen.PerfGate.Config;

/// <summary>Reads the <c>projects</c> section of perfgate.json: BenchmarkDotNet project paths, relative to the config file.</summary>
internal static class ProjectsConfigReader
{
    public static IReadOnlyList<string> Read(JsonElement e, string source)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            throw new InputException(source, "$.projects", "expected an array of project paths");
        }

        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(source)) ?? Environment.CurrentDirectory;
        var list = new List<string>();
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            var path = $"$.projects[{i++}]";
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 } relative)
            {
                throw new InputException(source, path, "expected a project path");
            }

            list.Add(ConfigPath.Resolve(baseDirectory, relative, source, path));
        }

        return list;
    }
}
