using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary>Writes a baseline file: atomically, with each benchmark's measured launch noise.</summary>
internal static class BaselineFile
{
    public const string Default = "baselines/baseline.json";

    public static void Save(string file, ResultSet results, PerfGateConfig config)
    {
        if (results.Benchmarks.Count == 0)
        {
            throw new InputException(file, "$.benchmarks", "no benchmarks to keep; refusing to save an empty baseline");
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(file));
        if (dir is not null)
        {
            try
            {
                Directory.CreateDirectory(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new RunFailedException($"cannot create {dir}: {e.Message}", e);
            }
        }

        var baseline = Baselines.WithLaunchNoise(results, config.Comparison);
        AtomicFile.Write(file, s => ResultsJson.Write(baseline, s));
    }
}
