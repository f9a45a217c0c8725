using System.Text;

namespace AfirGen.PerfGate.Tests.Reports;

/// <summary>Golden files: compared byte for byte; rewritten into the source tree only when PERFGATE_UPDATE_GOLDEN=1.</summary>
internal static class Golden
{
    private const string Folder = "data/golden";

    public static bool Updating => System.Environment.GetEnvironmentVariable("PERFGATE_UPDATE_GOLDEN") == "1";

    public static void Verify(string name, string actual)
    {
        var bytes = new UTF8Encoding(false).GetBytes(actual);
        if (Updating)
        {
            var path = Path.Combine(SourceFolder(), Folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            return;
        }

        var expectedPath = Path.Combine(AppContext.BaseDirectory, Folder, name);
        Assert.True(File.Exists(expectedPath), $"golden file {name} is missing; run with PERFGATE_UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllBytes(expectedPath);
        if (!expected.AsSpan().SequenceEqual(bytes))
        {
            // Assert on text so the failure shows where the report drifted.
            Assert.Equal(Encoding.UTF8.GetString(expected), actual);
            Assert.Fail($"golden file {name} differs in bytes only (encoding or BOM)");
        }
    }

    /// <summary>The test project's folder in the source tree, found by walking up to the solution.</summary>
    private static string SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AfirGen.PerfGate.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "AfirGen.PerfGate.Core.Tests");
            }
        }

        throw new InvalidOperationException("AfirGen.PerfGate.sln not found above " + AppContext.BaseDirectory);
    }
}
