using System.Runtime.CompilerServices;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.IO;

/// <summary>Loads results from whatever the user points at: a results@1 file, a BenchmarkDotNet JSON export, or a folder of exports.</summary>
public static class ResultLoader
{
    /// <summary>The file name perfgate gives its results inside an output folder.</summary>
    public const string ResultsFileName = "results.json";

    // The exact, validated text of each result set read from a results@1 file, tied to that very object: a copy made
    // with `with` is a different object and is written out afresh. Lets an output folder copy the 13 MB of a large
    // suite's results instead of formatting half a million numbers again.
    private static readonly ConditionalWeakTable<ResultSet, byte[]> SourceText = new();

    /// <summary>Loads <paramref name="path"/>, telling the formats apart by content; anything else throws <see cref="InputException"/>.</summary>
    /// <remarks>A folder holding <see cref="ResultsFileName"/> (perfgate's own output folder) loads that file; any other folder is read as BenchmarkDotNet exports.</remarks>
    public static ResultSet Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            var results = Path.Combine(path, ResultsFileName);
            return File.Exists(results) ? Load(results) : BenchmarkDotNetReader.ReadDirectory(path);
        }

        var bytes = JsonSource.ReadBytes(path);
        using var document = JsonSource.Parse(bytes, path);
        var root = JsonCursor.Root(document, path).Object();
        // A file with perfgate's own lowercase fields but no schema id is a broken results file, and is told so.
        if (root.Element.TryGetProperty("schema", out _) || root.Element.TryGetProperty("benchmarks", out _))
        {
            var set = ResultsJsonReader.Read(root);
            SourceText.AddOrUpdate(set, bytes);
            return set;
        }

        if (root.Element.TryGetProperty("Benchmarks", out _) && root.Element.TryGetProperty("HostEnvironmentInfo", out _))
        {
            return BenchmarkDotNetReport.Read(root);
        }

        throw root.Fail($"neither a perfgate results file (no \"schema\": \"{ResultSet.SchemaId}\") nor a BenchmarkDotNet JSON export (no \"Benchmarks\" and \"HostEnvironmentInfo\")");
    }

    /// <summary>
    /// Writes <paramref name="results"/> as results@1: the very bytes it was read from when it came unchanged from a
    /// results@1 file (already validated, so equal in content to writing it anew), else freshly serialised.
    /// </summary>
    internal static void WriteResults(ResultSet results, Stream stream)
    {
        if (SourceText.TryGetValue(results, out var bytes))
        {
            var start = bytes.AsSpan().StartsWith(System.Text.Encoding.UTF8.Preamble) ? System.Text.Encoding.UTF8.Preamble.Length : 0;
            stream.Write(bytes, start, bytes.Length - start);
            return;
        }

        ResultsJson.Write(results, stream);
    }
}
