namespace AfirGen.PerfGate.Model;

/// <summary>Operations on whole result sets.</summary>
public static class ResultSets
{
    /// <summary>
    /// Joins shard results into one set exactly: every benchmark kept with its raw samples. A benchmark in two shards,
    /// or shards from machines with different fingerprints, is bad input naming both files.
    /// </summary>
    public static ResultSet Merge(IReadOnlyList<(string Source, ResultSet Results)> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0)
        {
            throw new ArgumentException("Nothing to merge.", nameof(shards));
        }

        var first = shards[0];
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var benchmarks = new List<BenchmarkResult>();
        foreach (var (source, results) in shards)
        {
            foreach (var (field, a, b) in first.Results.Environment.Differences(results.Environment))
            {
                throw new InputException(source, $"$.environment.{field}", $"'{b}' differs from '{a}' in {first.Source}: shards must come from the same kind of machine");
            }

            if (results.Setup is { } setup && shards.Select(s => s.Results.Setup).FirstOrDefault(s => s is not null) is { } other
                && SystemSetup.Differences(other, setup, $"in {first.Source}", "here") is [var difference, ..])
            {
                throw new InputException(source, "$.setup", $"{difference}: shards must load the same setup of the target");
            }

            foreach (var b in results.Benchmarks)
            {
                if (!seen.TryAdd(b.Id, source))
                {
                    throw new InputException(source, "$.benchmarks", $"'{b.Id}' is also in {seen[b.Id]}: shards must not overlap");
                }

                benchmarks.Add(b);
            }
        }

        return new ResultSet
        {
            CreatedAt = shards.Max(s => s.Results.CreatedAt),
            Environment = first.Results.Environment,
            Source = first.Results.Source,
            Incomplete = shards.Any(s => s.Results.Incomplete),
            Benchmarks = benchmarks,
            Skipped = [.. shards.SelectMany(s => s.Results.Skipped).Distinct()],
            Setup = shards.Select(s => s.Results.Setup).FirstOrDefault(s => s is not null),
            ReferenceNanoseconds = shards.Select(s => s.Results.ReferenceNanoseconds).Where(r => r is not null).Min(),
        };
    }
}
