using AfirGen.PerfGate.Model;
using CsCheck;

namespace AfirGen.PerfGate.Tests.Properties;

/// <summary>Generators for the property tests: ids with any UTF-16 content, and results that look like real runs.</summary>
internal static class Gens
{
    /// <summary>Pieces that break naive escaping: markup, workflow commands, bidi and zero-width marks, lone surrogates, Turkish i.</summary>
    private static readonly string[] Fragments =
    [
        "|", "`", "```", "\n", "\r\n", "\r", "\t", "\0", "<b>", "</td>", "<script>", "](http://x)", "![i](http://x/y.png)",
        "@user", "@org/team", "::error::", "::", "%", ":", ",", "\u202E", "\u2066", "\u200B", "\u200F", "\u0301", "\u0336",
        "\uD800", "\uDC00", "\uDBFF\uDFFF", "😀", "&amp;", "&#124;", "*", "_", "~", "#", "\\", "[", "]", "-->", "\u2028",
        "\uFEFF", "\uFFFF", "\uFFFE", "i", "I", "İ", "ı", "www.x", "http://", "\u001b[31m", "\u0085", " ", "  ",
    ];

    private static Gen<T> Pick<T>(T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    private static Gen<T> Either<T>(Gen<T> a, Gen<T> b, int percentA) =>
        Gen.Int[1, 100].SelectMany(k => k <= percentA ? a : b);

    /// <summary>One piece of text: any UTF-16 unit (lone surrogates included), a hostile fragment, a letter, or an astral character.</summary>
    private static readonly Gen<string> Piece = Gen.Int[0, 9].SelectMany(k => k switch
    {
        < 3 => Gen.Char[char.MinValue, char.MaxValue].Select(c => c.ToString()),
        < 6 => Pick(Fragments),
        < 9 => Gen.Char['a', 'z'].Select(c => c.ToString()),
        _ => Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32),
    });

    /// <summary>Any text, possibly empty, possibly not valid UTF-16.</summary>
    public static readonly Gen<string> AnyText = Piece.Array[0, 24].Select(string.Concat);

    /// <summary>Any well-formed Unicode text: what a JSON file can carry (ill-formed UTF-16 is replaced by U+FFFD, as every reader does).</summary>
    public static readonly Gen<string> Text = AnyText.Select(WellFormed);

    /// <summary>Any text, ill-formed UTF-16 included, that results@1 accepts as an id: not blank, at most 1,000 characters.</summary>
    public static readonly Gen<string> AnyId = Either(AnyText, AnyText.Select(t => t + new string('x', 980)), 95).Select(ToId);

    /// <summary>Any well-formed id.</summary>
    public static readonly Gen<string> Id = AnyId.Select(WellFormed);

    /// <summary>The text with every lone surrogate replaced by U+FFFD.</summary>
    public static string WellFormed(string text) => string.Concat(text.EnumerateRunes().Select(r => r.ToString()));

    private static string ToId(string text)
    {
        var id = string.IsNullOrWhiteSpace(text) ? "b" + text : text;
        return id.Length > 1000 ? id[..1000] : id;
    }

    /// <summary>Distinct ids, in any order.</summary>
    public static Gen<string[]> Ids(int min, int max, bool wellFormed = true) =>
        (wellFormed ? Id : AnyId).Array[min, max].Select(a => a.Distinct(StringComparer.Ordinal).ToArray()).Where(a => a.Length >= min);

    /// <summary>A time per operation in nanoseconds, from 0.3 ns to 30 s, log-uniform.</summary>
    public static readonly Gen<double> Center = Gen.Double[Math.Log(0.3), Math.Log(3e10)].Select(Math.Exp);

    /// <summary>A micro-benchmark with 1–8 launches of 1–15 iterations, optional A/B rounds, allocation and stored noise.</summary>
    public static Gen<BenchmarkResult> Micro(string id) =>
        Gen.Select(Center, Gen.Double[0, 0.3], Gen.Double[0, 0.25], Gen.Int[1, 8], Gen.Int[1, 15], Gen.Int[0, 9], Gen.Int, Gen.Int[0, 5])
            .Select((center, cv, drift, launches, iterations, shape, seed, extra) =>
            {
                var rng = new Random(seed);
                var rounds = shape >= 7;
                var list = new List<Launch>();
                for (var l = 0; l < launches; l++)
                {
                    var launchCenter = center * Math.Exp(drift * Gaussian(rng));
                    // Shape 0 repeats one value exactly: ties, zero spread, and zero launch noise all happen in real data.
                    var samples = Enumerable.Range(0, iterations)
                        .Select(_ => shape == 0 ? center : Math.Max(1e-3, launchCenter * (1 + (cv * Gaussian(rng)))))
                        .ToArray();
                    list.Add(new Launch(samples, rounds ? l + 1 : null));
                }

                return new BenchmarkResult
                {
                    Id = id,
                    Launches = list,
                    Memory = extra switch
                    {
                        0 => null,
                        1 => new MemoryInfo(0, 0, 0, 0),
                        _ => new MemoryInfo(rng.Next(1, 100_000), rng.NextDouble(), 0, 0),
                    },
                    LaunchNoise = extra >= 4 ? rng.NextDouble() * 0.3 : null,
                };
            });

    /// <summary>A load-scenario level: latency summary, throughput, errors; optional stored noise.</summary>
    public static Gen<BenchmarkResult> Scenario(string id) =>
        Gen.Select(Center, Gen.Double[0, 2], Gen.Long[1, 1_000_000], Gen.Double[0, 1e5], Gen.Int[1, 3], Gen.Int, Gen.Bool)
            .Select((mean, spread, count, throughput, category, seed, noise) =>
            {
                var rng = new Random(seed);
                var min = mean * rng.NextDouble();
                return new BenchmarkResult
                {
                    Id = id,
                    Category = (Category)category,
                    Latency = new LatencySummary
                    {
                        Count = count, Min = Math.Max(min, 1e-3), Max = mean * (1 + spread * 5), Mean = mean, StdDev = mean * spread,
                        P50 = mean, P90 = mean * (1 + spread), P95 = mean * (1 + (spread * 1.5)), P99 = mean * (1 + (spread * 3)), P999 = mean * (1 + (spread * 4)),
                    },
                    Scenario = new ScenarioInfo
                    {
                        Throughput = throughput, Requests = count, Concurrency = rng.Next(1, 64),
                        Errors = new Dictionary<string, long> { ["timeout"] = rng.Next(0, 3) },
                    },
                    LaunchNoise = noise ? rng.NextDouble() * 0.3 : null,
                };
            });

    /// <summary>A micro-benchmark or a scenario level.</summary>
    public static Gen<BenchmarkResult> Result(string id) => Either(Micro(id), Scenario(id), 70);

    /// <summary>
    /// A baseline and a current result set over mostly the same ids: the current side is the baseline scaled
    /// (slower, faster or the same) or measured afresh, with some ids only on one side.
    /// </summary>
    public static readonly Gen<(ResultSet Baseline, ResultSet Current)> Pair =
        Ids(1, 6).SelectMany(ids =>
            Gen.Select(
                Gen.Int[0, 9].Array[ids.Length],
                Gen.Double[0.5, 2].Array[ids.Length],
                Gen.Int.Array[ids.Length],
                Gen.Bool.Array[ids.Length]).SelectMany((kinds, factors, seeds, scenario) =>
            {
                var gens = ids.Select((id, i) => scenario[i] ? Scenario(id) : Micro(id)).ToArray();
                return Gen.Select(Sequence(gens), Sequence(ids.Select((id, i) => scenario[i] ? Scenario(id) : Micro(id)).ToArray()))
                    .Select((baseline, fresh) =>
                    {
                        var b = new List<BenchmarkResult>();
                        var c = new List<BenchmarkResult>();
                        for (var i = 0; i < ids.Length; i++)
                        {
                            var kind = kinds[i];
                            if (kind != 9)
                            {
                                b.Add(baseline[i]);
                            }

                            if (kind != 8)
                            {
                                c.Add(kind switch
                                {
                                    < 3 => baseline[i],
                                    < 6 => Scale(baseline[i], factors[i], seeds[i]),
                                    _ => fresh[i],
                                });
                            }
                        }

                        return (Set(b), Set(c));
                    });
            }));

    /// <summary>A result set with every field results@1 holds filled in from any values it accepts.</summary>
    public static readonly Gen<ResultSet> FullSet =
        Ids(0, 5).SelectMany(ids => Gen.Select(
            Sequence(ids.Select(Full).ToArray()),
            Gen.Long[DateTimeOffset.MinValue.UtcTicks + TimeSpan.TicksPerDay, DateTimeOffset.MaxValue.UtcTicks - TimeSpan.TicksPerDay],
            Gen.Int[-14 * 60, 14 * 60],
            Gen.Bool,
            Text,
            Text.Array[0, 4],
            Gen.Int[0, 2]).Select((benchmarks, ticks, offsetMinutes, incomplete, text, texts, known) => new ResultSet
            {
                CreatedAt = new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes)),
                Incomplete = incomplete,
                Environment = known == 0 ? EnvironmentFingerprint.Unknown : new EnvironmentFingerprint
                {
                    Os = text, Cpu = texts.FirstOrDefault(), Cores = texts.Length + 1, Runtime = known == 2 ? text : null, Architecture = "X64", GcMode = text,
                },
                Source = known == 1 ? null : new SourceInfo(text, known == 2 ? null : text),
                Benchmarks = benchmarks,
                Skipped = texts.Where(t => !string.IsNullOrWhiteSpace(t) && t.Length <= 1000).Select(t => new SkippedScenario(t, text)).ToArray(),
            }));

    /// <summary>Any finite positive double, from the smallest subnormal to the largest, by bit pattern.</summary>
    public static readonly Gen<double> AnyPositive =
        Either(Gen.Long[1, BitConverter.DoubleToInt64Bits(double.MaxValue)].Select(BitConverter.Int64BitsToDouble), Center, 50);

    /// <summary>Any finite non-negative double, zero included.</summary>
    public static readonly Gen<double> AnyNonNegative = Either(AnyPositive, Gen.Const(0.0), 90);

    private static Gen<BenchmarkResult> Full(string id) =>
        Gen.Select(
            AnyPositive.Array[1, 20].Array[0, 4],
            Gen.Int[0, 3],
            Text,
            Text.Array[0, 3],
            Gen.Long[0, long.MaxValue],
            AnyNonNegative.Array[12],
            Gen.Byte.Array[0, 40],
            Gen.Int[0, 1]).Select((launches, kind, text, keys, integer, numbers, bytes, status) =>
        {
            var latency = new LatencySummary
            {
                Count = Math.Abs(integer % 1_000_000_000), Min = Positive(numbers[0]), Max = Positive(numbers[1]), Mean = Positive(numbers[2]), StdDev = numbers[3],
                P50 = Positive(numbers[4]), P90 = Positive(numbers[5]), P95 = Positive(numbers[6]), P99 = Positive(numbers[7]), P999 = Positive(numbers[8]),
            };
            var micro = kind == 0;
            return new BenchmarkResult
            {
                Id = id,
                Category = (Category)kind,
                Status = (BenchmarkStatus)status,
                Error = status == 1 ? text : null,
                Parameters = keys.Select((k, i) => KeyValuePair.Create(k + i.ToString(System.Globalization.CultureInfo.InvariantCulture), text)).ToArray(),
                Launches = micro && status == 0 && launches.Length == 0
                    ? [new Launch([numbers[0] + 1])]
                    : launches.Select((l, i) => new Launch(l, i % 2 == 0 ? null : i)).ToArray(),
                Memory = micro ? new MemoryInfo(integer, numbers[9], numbers[10], numbers[11]) : null,
                Latency = micro ? null : latency,
                LaunchNoise = numbers[3] == 0 ? null : numbers[3],
                Scenario = micro ? null : new ScenarioInfo
                {
                    Concurrency = kind == 1 ? null : 1 + Math.Abs((int)(integer % 1000)),
                    Throughput = numbers[9],
                    Requests = integer,
                    Errors = keys.Distinct(StringComparer.Ordinal).ToDictionary(k => k, k => integer ^ k.Length, StringComparer.Ordinal),
                    HitRate = kind == 3 ? Fraction(numbers[10]) : null,
                    Histogram = bytes.Length == 0 ? null : Convert.ToBase64String(bytes),
                    Rate = kind == 2 ? Positive(numbers[11]) : null,
                    LateStarts = kind == 2 ? integer / 3 : null,
                    DroppedStarts = kind == 2 ? integer / 5 : null,
                    ServerHitRate = kind == 3 ? Fraction(numbers[11]) : null,
                    Improvement = kind == 3 ? -numbers[8] : null,
                    PoolAcquire = kind == 2 ? latency with { Mean = Positive(numbers[10]) } : null,
                    System = kind == 1 ? null : new SystemMetrics
                    {
                        Samples = (int)(integer & 0xFFFF), MachineCpu = numbers[0], MachineCpuMax = numbers[1], GeneratorCpu = numbers[2],
                        GeneratorCpuMax = numbers[3], GeneratorMemoryMax = integer, TargetCpu = kind == 3 ? numbers[4] : null,
                        TargetCpuMax = kind == 3 ? numbers[5] : null, TargetMemoryMax = kind == 3 ? integer / 7 : null,
                        DiskReadBytes = integer / 11, DiskWriteBytes = integer / 13, Gen0Collections = (int)(integer & 0xFF), Gen1Collections = 1, Gen2Collections = 0,
                    },
                    Warnings = keys,
                },
            };
        });

    private static double Positive(double value) => value > 0 ? value : double.Epsilon;

    private static double Fraction(double value) => value is >= 0 and <= 1 ? value : 1 / (1 + value);

    /// <summary>The result with every time multiplied by <paramref name="factor"/> and a little fresh noise, as a changed build would measure.</summary>
    public static BenchmarkResult Scale(BenchmarkResult r, double factor, int seed)
    {
        var rng = new Random(seed);
        double Jitter() => 1 + (0.01 * Gaussian(rng));
        return r with
        {
            Launches = r.Launches.Select(l => l with { Samples = l.Samples.Select(s => s * factor * Jitter()).ToArray() }).ToArray(),
            Latency = r.Latency is { } lat ? ScaleLatency(lat, factor) : null,
            Scenario = r.Scenario is { } s ? s with { Throughput = s.Throughput / factor } : null,
        };
    }

    /// <summary>Every latency figure multiplied by <paramref name="factor"/>.</summary>
    public static LatencySummary ScaleLatency(LatencySummary l, double factor) => l with
    {
        Min = l.Min * factor, Max = l.Max * factor, Mean = l.Mean * factor, StdDev = l.StdDev * factor,
        P50 = l.P50 * factor, P90 = l.P90 * factor, P95 = l.P95 * factor, P99 = l.P99 * factor, P999 = l.P999 * factor,
    };

    public static ResultSet Set(IReadOnlyList<BenchmarkResult> benchmarks) => new()
    {
        CreatedAt = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero),
        Environment = new EnvironmentFingerprint { Os = "Linux", Cores = 2 },
        Benchmarks = benchmarks,
    };

    /// <summary>One value from each generator, in order.</summary>
    public static Gen<T[]> Sequence<T>(IReadOnlyList<Gen<T>> gens) =>
        gens.Count == 0
            ? Gen.Const(Array.Empty<T>())
            : gens.Skip(1).Aggregate(gens[0].Select(x => new List<T> { x }), (acc, g) => acc.SelectMany(list => g.Select(x => new List<T>(list) { x })))
                .Select(l => l.ToArray());

    private static double Gaussian(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
