using System.Globalization;
using AfirGen.PerfGate.History;
using Xunit.Abstractions;

namespace AfirGen.PerfGate.Simulation;

/// <summary>
/// Nightly series as a store holds them: 150 runs, run-to-run noise of a given coefficient of variation, one run in 20
/// off by 50% (a slow night), each run reporting its own within-run error, and 0–3 persistent steps. Every method sees
/// the same series.
/// </summary>
public sealed class ChangePointTests(ITestOutputHelper output)
{
    private const int Series = 1000;
    private const int Length = 150;

    internal sealed record Simulated(SeriesPoint[] Points, double[] Values, int[] Steps);

    internal static Simulated Make(Random rng, double cv, double step)
    {
        var count = rng.Next(0, 4);
        var steps = new SortedSet<int>();
        while (steps.Count < count)
        {
            // Steps at least 20 runs apart and 10 from either end: each segment long enough to be a level of its own.
            var at = rng.Next(10, Length - 10);
            if (steps.All(s => Math.Abs(s - at) >= 20))
            {
                steps.Add(at);
            }
        }

        var sigma = Math.Sqrt(Math.Log(1 + (cv * cv)));
        var level = Math.Log(1000);
        var points = new SeriesPoint[Length];
        var values = new double[Length];
        for (var i = 0; i < Length; i++)
        {
            if (steps.Contains(i))
            {
                level += Math.Log(rng.NextDouble() < 0.5 ? 1 + step : 1 / (1 + step));
            }

            var own = 0.01 + (0.02 * rng.NextDouble());
            var log = level + (sigma * Distributions.Gaussian(rng)) + (own * Distributions.Gaussian(rng));
            if (rng.Next(20) == 0)
            {
                log += Math.Log(1.5);
            }

            points[i] = new SeriesPoint(log, own);
            values[i] = Math.Exp(log);
        }

        return new Simulated(points, values, [.. steps]);
    }

    internal sealed class Score
    {
        public int Steps { get; private set; }
        public int Located { get; private set; }
        public int Found { get; private set; }
        public int False { get; private set; }
        public int Points { get; private set; }
        public int Covered { get; private set; }
        public List<int> Errors { get; } = [];

        public void Add(int[] truth, IReadOnlyList<int> reported, IReadOnlyList<(int Earliest, int Latest)>? ranges = null)
        {
            Steps += truth.Length;
            Points += Length;
            var used = new bool[reported.Count];
            foreach (var step in truth)
            {
                var best = -1;
                for (var i = 0; i < reported.Count; i++)
                {
                    if (!used[i] && Math.Abs(reported[i] - step) <= 10 && (best < 0 || Math.Abs(reported[i] - step) < Math.Abs(reported[best] - step)))
                    {
                        best = i;
                    }
                }

                if (best < 0)
                {
                    continue;
                }

                used[best] = true;
                Found++;
                Errors.Add(Math.Abs(reported[best] - step));
                if (Math.Abs(reported[best] - step) <= 3)
                {
                    Located++;
                }

                if (ranges is not null && ranges[best].Earliest <= step && step <= ranges[best].Latest)
                {
                    Covered++;
                }
            }

            False += used.Count(u => !u);
        }

        public double Recall => Steps == 0 ? 0 : (double)Located / Steps;

        public double FalsePerThousand => 1000.0 * False / Points;

        public double MedianError => Errors.Count == 0 ? double.NaN : Errors.Order().ElementAt(Errors.Count / 2);

        public override string ToString()
        {
            var mean = Errors.Count == 0 ? double.NaN : Errors.Average();
            var found = 100.0 * Found / Math.Max(Steps, 1);
            var text = FormattableString.Invariant(
                $"recall(±3) {100.0 * Recall,5:F1}%  found(±10) {found,5:F1}%  false/1000 {FalsePerThousand,5:F2}  median |error| {MedianError:F0}  mean |error| {mean:F2}");
            return Covered > 0 ? text + FormattableString.Invariant($"  range covers {100.0 * Covered / Math.Max(Found, 1):F0}%") : text;
        }
    }

    internal static (Score Perfgate, Score Otava, Score Ratio150, Score Ratio200) Measure(int seed, double cv, double step, int series = Series)
    {
        var rng = new Random(seed);
        var detector = new ChangePointDetector();
        var (perfgate, otava, r150, r200) = (new Score(), new Score(), new Score(), new Score());
        for (var s = 0; s < series; s++)
        {
            var sim = Make(rng, cv, step);
            var found = detector.Detect(sim.Points);
            perfgate.Add(sim.Steps, found.Select(c => c.Index).ToArray(), found.Select(c => (c.Earliest, c.Latest)).ToArray());
            otava.Add(sim.Steps, ReferenceDetectors.EDivisive(sim.Points.Select(p => p.Log).ToArray()));
            r150.Add(sim.Steps, ReferenceDetectors.Ratio(sim.Values, 1.5));
            r200.Add(sim.Steps, ReferenceDetectors.Ratio(sim.Values, 2.0));
        }

        return (perfgate, otava, r150, r200);
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.10)]
    [InlineData(0.20)]
    public void EveryMethodOnTheSameSeries(double cv)
    {
        foreach (var step in new[] { 0.05, 0.10, 0.20, 0.50 })
        {
            var (perfgate, otava, r150, r200) = Measure((int)(cv * 1000) + (int)(step * 100), cv, step);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CV {cv:P0}, steps of {step:P0}:"));
            output.WriteLine($"  perfgate          {perfgate}");
            output.WriteLine($"  e-divisive+t-test {otava}");
            output.WriteLine($"  ratio 150%        {r150}");
            output.WriteLine($"  ratio 200%        {r200}");
            Assert.True(perfgate.FalsePerThousand <= 1, $"perfgate: {perfgate}");
        }
    }

    [Fact]
    public void SeriesWithoutStepsGiveAtMostOneFalseChangePointPerThousandRuns()
    {
        foreach (var cv in new[] { 0.05, 0.10, 0.20 })
        {
            var (perfgate, otava, r150, r200) = Measure(7 + (int)(cv * 100), cv, 0, 2 * Series);
            output.WriteLine(FormattableString.Invariant($"CV {cv:P0}, no real change: false change points per 1,000 runs: perfgate {perfgate.FalsePerThousand:F2}, e-divisive+t-test {otava.FalsePerThousand:F2}, ratio 150% {r150.FalsePerThousand:F2}, ratio 200% {r200.FalsePerThousand:F2}"));
            Assert.True(perfgate.FalsePerThousand <= 1, $"perfgate: {perfgate}");
        }
    }

    /// <summary>
    /// The ceiling for locating a 10% step in 10% noise: an oracle told that exactly one step lies within 20 runs of the
    /// true one, splitting there by least squares. A step of one noise standard deviation cannot be placed within 3
    /// runs much more often than this, by any method.
    /// </summary>
    [Fact]
    public void TenPercentStepsInTenPercentNoiseAgainstAnOracle()
    {
        var rng = new Random(1010);
        var detector = new ChangePointDetector();
        var (perfgate, oracle) = (new Score(), new Score());
        for (var s = 0; s < Series; s++)
        {
            var sim = Make(rng, 0.10, 0.10);
            perfgate.Add(sim.Steps, detector.Detect(sim.Points).Select(c => c.Index).ToArray());
            oracle.Add(sim.Steps, sim.Steps.Select(step => Oracle(sim.Points, sim.Steps, step)).ToArray());
        }

        output.WriteLine($"CV 10%, steps of 10%: perfgate {perfgate}");
        output.WriteLine($"                      oracle   {oracle}");
        Assert.True(perfgate.Recall <= oracle.Recall + 0.02, "no method beats the oracle: the simulation or the scoring is wrong");
        Assert.True(perfgate.FalsePerThousand <= 1, $"perfgate: {perfgate}");
    }

    private static int Oracle(SeriesPoint[] points, int[] steps, int step)
    {
        var from = Math.Max(steps.Where(x => x < step).DefaultIfEmpty(0).Max(), step - 20);
        var to = Math.Min(steps.Where(x => x > step).DefaultIfEmpty(Length).Min(), step + 20);
        var best = (At: step, Cost: double.PositiveInfinity);
        for (var k = from + 1; k < to; k++)
        {
            var cost = Spread(points, from, k) + Spread(points, k, to);
            if (cost < best.Cost)
            {
                best = (k, cost);
            }
        }

        return best.At;
    }

    private static double Spread(SeriesPoint[] points, int from, int to)
    {
        var mean = points[from..to].Average(p => p.Log);
        return points[from..to].Sum(p => (p.Log - mean) * (p.Log - mean));
    }
}
