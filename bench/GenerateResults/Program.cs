// Writes a pair of results@1 files (baseline, current) with many synthetic micro-benchmarks,
// for measuring how fast perfgate compares and reports large suites.
using System.Globalization;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;

if (args.Length != 3 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
{
    Console.Error.WriteLine("usage: GenerateResults COUNT BASELINE.json CURRENT.json");
    return 2;
}

var rng = new Random(20261127);
Write(args[1], 1.0);
Write(args[2], 1.0);
return 0;

void Write(string path, double factor)
{
    var benchmarks = new BenchmarkResult[count];
    for (var i = 0; i < count; i++)
    {
        var center = 50 * Math.Exp(rng.NextDouble() * 8) * (i % 100 == 0 ? 1.2 : factor);
        var launches = Enumerable.Range(0, 3)
            .Select(_ => new Launch(Enumerable.Range(0, 15).Select(_ => center * (1 + (0.03 * (rng.NextDouble() - 0.5)))).ToArray()))
            .ToArray();
        benchmarks[i] = new BenchmarkResult
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"Suite{i / 100}.Benchmark{i % 100}(N: {i % 7})"),
            Launches = launches,
            Memory = new MemoryInfo(64 * (i % 5), 0.1, 0, 0),
        };
    }

    AtomicFile.WriteAllText(path, ResultsJson.Serialize(new ResultSet { CreatedAt = DateTimeOffset.UnixEpoch, Benchmarks = benchmarks }));
}
