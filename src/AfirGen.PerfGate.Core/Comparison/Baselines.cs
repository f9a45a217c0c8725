using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Statistics;

namespace AfirGen.PerfGate.Comparison;

/// <summary>Prepares results to be kept as a baseline.</summary>
public static class Baselines
{
    /// <summary>Where a baseline is kept when no file is named.</summary>
    public const string DefaultFile = "baselines/baseline.json";

    /// <summary>Stores each benchmark's measured launch-to-launch spread with it (when it has two launches or more), so that later single-launch comparisons have an honest noise model.</summary>
    public static ResultSet WithLaunchNoise(ResultSet results, ComparisonSettings settings)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(settings);
        return results with
        {
            Benchmarks = results.Benchmarks
                .Select(b => LaunchNoise.Estimate([b.Launches], b.LaunchNoise ?? settings.LaunchNoise) is { } n ? b with { LaunchNoise = n } : b)
                .ToArray(),
        };
    }

    /// <summary>Loads the results at <paramref name="resultsPath"/> and writes them, with their launch noise, to <paramref name="file"/> atomically; returns what was written.</summary>
    /// <exception cref="InputException">The results are unreadable or hold no benchmarks.</exception>
    /// <exception cref="RunFailedException">The baseline's folder or file cannot be written.</exception>
    public static ResultSet Save(string resultsPath, string file, ComparisonSettings settings)
    {
        ArgumentException.ThrowIfNullOrEmpty(resultsPath);
        ArgumentException.ThrowIfNullOrEmpty(file);
        var set = ResultLoader.Load(resultsPath);
        if (set.Benchmarks.Count == 0)
        {
            throw new InputException(resultsPath, "$.benchmarks", "holds no benchmarks; refusing to save an empty baseline");
        }

        return Save(set, file, settings);
    }

    /// <summary>
    /// Loads several runs of one suite and writes them as one baseline that has learnt its noise from all of them
    /// (<see cref="BaselineRuns.Combine"/>); returns what was written.
    /// </summary>
    /// <exception cref="InputException">A run is unreadable, holds no benchmarks, or comes from another machine or setup.</exception>
    /// <exception cref="RunFailedException">The baseline's folder or file cannot be written.</exception>
    public static ResultSet Save(IReadOnlyList<string> resultsPaths, string file, ComparisonSettings settings)
    {
        ArgumentNullException.ThrowIfNull(resultsPaths);
        if (resultsPaths.Count == 1)
        {
            return Save(resultsPaths[0], file, settings);
        }

        var runs = resultsPaths.Select(p => (p, ResultLoader.Load(p))).ToList();
        foreach (var (path, run) in runs.Where(r => r.Item2.Benchmarks.Count == 0))
        {
            throw new InputException(path, "$.benchmarks", "holds no benchmarks; every run of a baseline must");
        }

        return Save(BaselineRuns.Combine(runs, settings), file, settings);
    }

    /// <summary>Writes <paramref name="results"/>, with their launch noise, to <paramref name="file"/> atomically; returns what was written.</summary>
    /// <exception cref="InputException">The results hold no benchmarks.</exception>
    /// <exception cref="RunFailedException">The baseline's folder or file cannot be written.</exception>
    public static ResultSet Save(ResultSet results, string file, ComparisonSettings settings)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentException.ThrowIfNullOrEmpty(file);
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

        var baseline = WithLaunchNoise(results, settings);
        AtomicFile.Write(file, s => ResultsJson.Write(baseline, s));
        return baseline;
    }
}
