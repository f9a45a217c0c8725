using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;
using CsCheck;

namespace AfirGen.PerfGate.Tests.Properties;

/// <summary>results@1 keeps everything: what the writer writes, the reader gives back equal, every double to the bit.</summary>
public sealed class ResultsJsonProperties
{
    [Fact]
    public void ResultsRoundTripThroughJsonExactly()
    {
        Gens.FullSet.Sample(set =>
        {
            var json = ResultsJson.Serialize(set);
            var back = ResultsJson.Parse(json, "results.json");

            Assert.Equal(set, back);
            Assert.Equal(set.CreatedAt.UtcTicks, back.CreatedAt.UtcTicks);
            Assert.Equal(set.CreatedAt.Offset, back.CreatedAt.Offset);
            Assert.Equal(Bits(set), Bits(back));
            Assert.Equal(json, ResultsJson.Serialize(back));
        }, iter: ComparisonProperties.Cases);
    }

    /// <summary>
    /// JSON carries Unicode, not UTF-16 units: a lone surrogate in an id is written as U+FFFD, the way every JSON
    /// reader would read it, so the writer never writes what the reader refuses.
    /// </summary>
    [Fact]
    public void IllFormedIdsAreWrittenAsReplacementCharacters()
    {
        Gens.AnyId.Sample(id =>
        {
            var set = Gens.Set([new BenchmarkResult { Id = id, Launches = [new Launch([1.5])] }]);

            var back = ResultsJson.Parse(ResultsJson.Serialize(set), "results.json");

            Assert.Equal(Gens.WellFormed(id), Assert.Single(back.Benchmarks).Id);
        }, iter: ComparisonProperties.Cases);
    }

    /// <summary>Every double of the set as its bit pattern, so that -0 against 0 or a last-bit change shows.</summary>
    private static List<long> Bits(ResultSet set)
    {
        var bits = new List<long>();
        void Add(double? value) => bits.Add(value is { } v ? BitConverter.DoubleToInt64Bits(v) : long.MinValue);
        void Latency(LatencySummary? l)
        {
            if (l is null)
            {
                return;
            }

            foreach (var v in new[] { l.Min, l.Max, l.Mean, l.StdDev, l.P50, l.P90, l.P95, l.P99, l.P999 })
            {
                Add(v);
            }
        }

        foreach (var b in set.Benchmarks)
        {
            Add(b.LaunchNoise);
            b.Launches.SelectMany(l => l.Samples).ToList().ForEach(v => Add(v));
            if (b.Memory is { } m)
            {
                Add(m.Gen0PerThousand);
                Add(m.Gen1PerThousand);
                Add(m.Gen2PerThousand);
            }

            Latency(b.Latency);
            if (b.Scenario is { } s)
            {
                Add(s.Throughput);
                Add(s.HitRate);
                Add(s.Rate);
                Add(s.ServerHitRate);
                Add(s.Improvement);
                Latency(s.PoolAcquire);
                if (s.System is { } sys)
                {
                    Add(sys.MachineCpu);
                    Add(sys.MachineCpuMax);
                    Add(sys.GeneratorCpu);
                    Add(sys.GeneratorCpuMax);
                    Add(sys.TargetCpu);
                    Add(sys.TargetCpuMax);
                }
            }
        }

        return bits;
    }
}
