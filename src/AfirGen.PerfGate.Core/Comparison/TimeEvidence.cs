using System.Globalization;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Statistics;

namespace AfirGen.PerfGate.Comparison;

/// <summary>
/// The evidence about a time-like metric of one benchmark, on the log scale, and the test it supports.
/// Iterations inside one process are not independent samples of the code's speed. The launch is the unit
/// when both sides have enough launches for the distribution-free test to decide at the suite's alpha;
/// otherwise the launch-to-launch noise (measured, stored or assumed) is added to the within-launch error.
/// </summary>
internal sealed class TimeEvidence
{
    private readonly double[]? _pairedDifferences;
    private readonly (double[] Base, double[] Head)? _pairedCenters;
    private readonly double[]? _baselineLaunches;
    private readonly double[]? _currentLaunches;
    private readonly double _shift;
    private readonly double _standardError;
    private readonly int _baselineN;
    private readonly int _currentN;
    private readonly string _note;
    private readonly double _typicalBase;

    // Launch-to-launch noise has heavy tails: on a shared machine one launch in ten can run 50% slower as a whole.
    // A normal error model makes that one launch a false alarm; a Student t with few degrees of freedom does not.
    // An assumed noise is the least known (4: heavy tails, and a doubling still shows through one launch a side), a stored one was measured
    // from a baseline's launches (5, as three launches and the prior give), a measured one has its launches' own.
    private const double AssumedNoiseDegrees = 4;
    private const double StoredNoiseDegrees = 5;

    /// <summary>The degrees of freedom of the error model: a t interval, or a normal one when infinite.</summary>
    private double DegreesOfFreedom { get; init; } = double.PositiveInfinity;

    private TimeEvidence(ComparedMetric metric, double shift, double standardError, int baselineN, int currentN, string note, double typicalBase,
        double[]? baselineLaunches = null, double[]? currentLaunches = null)
    {
        _typicalBase = typicalBase;
        Metric = metric;
        _shift = shift;
        _standardError = standardError;
        _baselineN = baselineN;
        _currentN = currentN;
        _note = note;
        _baselineLaunches = baselineLaunches;
        _currentLaunches = currentLaunches;
    }

    /// <summary>The metric.</summary>
    public ComparedMetric Metric { get; }

    /// <summary>The number of paired A/B rounds when the evidence is paired by round, else null.</summary>
    public int? Rounds => _pairedDifferences?.Length;

    /// <summary>Whether the launch-to-launch noise had to be assumed rather than measured or stored.</summary>
    public bool NoiseAssumed { get; private init; }

    /// <summary>Evidence for a micro-benchmark's time per operation, or null when a side has no samples.</summary>
    /// <param name="baseline">The baseline's result.</param>
    /// <param name="current">The current result.</param>
    /// <param name="assumedNoise">The launch-to-launch spread assumed when nothing measures it.</param>
    /// <param name="suitePrior">The spread of the suite's other benchmarks' launches (<see cref="SuiteLaunchNoise"/>), when they measure it.</param>
    public static TimeEvidence? ForMicro(BenchmarkResult baseline, BenchmarkResult current, double assumedNoise, (double Noise, int Degrees)? suitePrior = null)
    {
        var a = baseline.Launches.Where(l => l.Samples.Count > 0).ToArray();
        var b = current.Launches.Where(l => l.Samples.Count > 0).ToArray();
        if (a.Length == 0 || b.Length == 0)
        {
            return null;
        }

        if (PairedCenters(a, b) is { } rounds && rounds.Base.Length >= MinimumPairs)
        {
            return new TimeEvidence(ComparedMetric.Time, rounds);
        }

        // Few launches: each launch stands as its floor, the lower decile of its iterations (LaunchNoise.FloorQuantile);
        // the change is the difference of the sides' mean floors, its error the spread of floors from launch to launch.
        var x = LogSamples(a);
        var (floorsA, floorsB) = (LaunchNoise.Floors(a), LaunchNoise.Floors(b));
        var shift = floorsB.Average() - floorsA.Average();
        var stored = StoredNoise(baseline, current);

        // A side of one launch may be the one bad launch in ten (recorded here: a whole default-job launch 43% slower,
        // its floor too), and nothing in it tells; then the heavy-tailed assumed noise stands, never the suite's pool.
        // With two launches a side or more, each side's own spread shows a bad launch, and the pool, a measured prior
        // worth its weight in degrees of freedom, replaces the assumption. A stored spread was learnt from the very
        // launches a baseline keeps: with the pool at hand it would count them twice.
        suitePrior = a.Length >= 2 && b.Length >= 2 ? suitePrior : null;
        var prior = suitePrior?.Noise ?? stored ?? assumedNoise;
        var measured = LaunchNoise.FromCenters([floorsA, floorsB], prior);
        var noise = measured ?? stored ?? assumedNoise;
        var source = measured is not null ? (suitePrior is not null ? "measured (with the suite's)" : "measured") : stored is not null ? "stored" : "assumed";
        var ownDegrees = Math.Max(0, a.Length - 1) + Math.Max(0, b.Length - 1);

        // The floors' own sampling error is added to the launch-to-launch term. A measured spread holds it already, so
        // this counts it twice there, at little cost: a lower decile of fifteen iterations or more is sharp.
        var seLaunch = noise * Math.Sqrt((1.0 / a.Length) + (1.0 / b.Length));
        var seWithin = Math.Sqrt((FloorError(a) / a.Length) + (FloorError(b) / b.Length));
        var se = Math.Sqrt((seWithin * seWithin) + (seLaunch * seLaunch));
        var note = string.Create(CultureInfo.InvariantCulture, $"{a.Length} vs {b.Length} launches: lower deciles with {source} launch noise {noise * 100:0.0}%");
        return new TimeEvidence(ComparedMetric.Time, shift, se, x.Length, b.Sum(l => l.Samples.Count), note, Descriptive.Median(x), LaunchNoise.Centers(a), LaunchNoise.Centers(b))
        {
            NoiseAssumed = source == "assumed",
            DegreesOfFreedom = measured is not null
                ? suitePrior is not null ? ownDegrees + LaunchNoise.PriorWeight : Math.Max(AssumedNoiseDegrees, ownDegrees)
                : stored is not null ? StoredNoiseDegrees : AssumedNoiseDegrees,
        };
    }

    // The mean over launches of the squared standard error of each floor on the log scale, from the order statistics
    // one binomial standard deviation either side of it (the distribution-free error of a sample quantile).
    private static double FloorError(Launch[] launches)
    {
        var sum = 0.0;
        foreach (var launch in launches)
        {
            var logs = launch.Samples.Select(v => Math.Log(v)).Order().ToArray();
            var n = logs.Length;
            var p = LaunchNoise.FloorQuantile;
            var d = Math.Sqrt(n * p * (1 - p)) / Math.Max(1, n - 1);
            var half = (Descriptive.Quantile(logs, Math.Min(1, p + d)) - Descriptive.Quantile(logs, Math.Max(0, p - d))) / 2;
            sum += half * half;
        }

        return sum / launches.Length;
    }

    private static double[] LogSamples(Launch[] launches)
    {
        var logs = new double[launches.Sum(l => l.Samples.Count)];
        var k = 0;
        foreach (var launch in launches)
        {
            foreach (var v in Samples.Span(launch.Samples))
            {
                logs[k++] = Math.Log(v);
            }
        }

        return logs;
    }

    /// <summary>Evidence from A/B rounds: each round's log launch centre on both sides, base and head run back to back.</summary>
    private TimeEvidence(ComparedMetric metric, (double[] Base, double[] Head) rounds)
        : this(metric, 0, 0, rounds.Base.Length, rounds.Base.Length, "", Descriptive.Median(rounds.Base))
    {
        _pairedCenters = rounds;
        // A round whose sides agree to a part in a billion is a tie: the last bits of a log are rounding, not a change.
        _pairedDifferences = rounds.Head.Select((h, i) => Math.Abs(h - rounds.Base[i]) < LogTieTolerance ? 0 : h - rounds.Base[i]).ToArray();
    }

    /// <summary>Evidence for a scenario metric from its summaries alone (no raw samples): one run a side, noise from the model.</summary>
    public static TimeEvidence? ForScenario(ComparedMetric metric, double baseline, double current, long baselineCount, long currentCount,
        double baselineSpread, double currentSpread, double noise, bool assumed)
    {
        if (baseline <= 0 || current <= 0 || !double.IsFinite(baseline) || !double.IsFinite(current))
        {
            return null;
        }

        // Within-run error of a mean-like statistic shrinks with the request count; the run-to-run noise does not.
        var seWithin = Math.Sqrt((baselineSpread * baselineSpread / Math.Max(1, baselineCount)) + (currentSpread * currentSpread / Math.Max(1, currentCount)));
        var se = Math.Sqrt((seWithin * seWithin) + (2 * noise * noise));
        var note = string.Create(CultureInfo.InvariantCulture, $"one run a side: {(assumed ? "assumed" : "stored")} run-to-run noise {noise * 100:0.0}%");
        return new TimeEvidence(metric, Math.Log(current / baseline), se, Clamp(baselineCount), Clamp(currentCount), note, Math.Log(baseline))
        {
            NoiseAssumed = assumed,
            DegreesOfFreedom = assumed ? AssumedNoiseDegrees : StoredNoiseDegrees,
        };
    }

    /// <summary>
    /// The launch-to-launch spread stored with either side; when both carry one, the larger, so that swapping
    /// baseline and current mirrors the verdict instead of changing the noise model.
    /// </summary>
    public static double? StoredNoise(BenchmarkResult baseline, BenchmarkResult current) =>
        baseline.LaunchNoise is { } b && current.LaunchNoise is { } c ? Math.Max(b, c) : baseline.LaunchNoise ?? current.LaunchNoise;

    /// <summary>The shift on the log scale with an interval at 1 − <paramref name="alpha"/>, the unadjusted two-sided p-value, and the units used.</summary>
    /// <remarks>
    /// <paramref name="trimmed"/> tests paired rounds by their trimmed mean (the interleaved rounds of <c>perfgate ab</c>,
    /// where a round now and then is moved by code placement); otherwise by their mean.
    /// </remarks>
    public Evaluation Evaluate(double alpha, bool trimmed = false)
    {
        if (_pairedDifferences is { } d)
        {
            return EvaluatePaired(d, alpha, trimmed ? Trim : 0) with { TypicalBase = _typicalBase, Unit = EvidenceUnit.Round };
        }

        if (_baselineLaunches is { } x && _currentLaunches is { } y && LaunchTestCanDecide(x.Length, y.Length, alpha))
        {
            return new Evaluation(HodgesLehmann.Shift(x, y, 1 - alpha), MannWhitney.TwoSidedPValue(x, y, LogTieTolerance), x.Length, y.Length,
                string.Create(CultureInfo.InvariantCulture, $"{x.Length} vs {y.Length} launches, each launch one unit"))
            {
                TypicalBase = Descriptive.Median(x),
                Unit = EvidenceUnit.Launch,
            };
        }

        var unit = _baselineLaunches is null ? EvidenceUnit.Run : EvidenceUnit.Iteration;
        if (_standardError <= 0)
        {
            return new Evaluation(new ShiftEstimate(_shift, _shift, _shift, 1 - alpha), _shift == 0 ? 1 : 0, _baselineN, _currentN, _note)
            {
                TypicalBase = _typicalBase,
                Unit = unit,
            };
        }

        var heavy = double.IsFinite(DegreesOfFreedom);
        var z = heavy ? StudentT.Quantile(1 - (alpha / 2), DegreesOfFreedom) : Normal.Quantile(1 - (alpha / 2));
        var p = heavy
            ? StudentT.TwoSidedPValue(Math.Abs(_shift) / _standardError, DegreesOfFreedom)
            : Math.Min(1, 2 * Normal.UpperTail(Math.Abs(_shift) / _standardError));
        return new Evaluation(new ShiftEstimate(_shift, _shift - (z * _standardError), _shift + (z * _standardError), 1 - alpha), p, _baselineN, _currentN, _note)
        {
            TypicalBase = _typicalBase,
            Unit = unit,
            Launches = _baselineLaunches is { } bl && _currentLaunches is { } cl ? (bl.Length, cl.Length) : null,
        };
    }

    // Rounds interleave base and head, so slow drift of the machine hits both halves of a pair alike and cancels:
    // the paired t interval on the log ratios is the test that uses that. Three pairs are the least it can work with.
    private const int MinimumPairs = 3;

    private static (double[] Base, double[] Head)? PairedCenters(Launch[] a, Launch[] b)
    {
        if (a.Any(l => l.Round is null) || b.Any(l => l.Round is null))
        {
            return null;
        }

        var baseByRound = a.GroupBy(l => l.Round!.Value).ToDictionary(g => g.Key, g => LaunchNoise.Centers(g).Average());
        var rounds = b.GroupBy(l => l.Round!.Value)
            .Where(g => baseByRound.ContainsKey(g.Key))
            .OrderBy(g => g.Key)
            .Select(g => (Base: baseByRound[g.Key], Head: LaunchNoise.Centers(g).Average()))
            .ToArray();
        return (rounds.Select(r => r.Base).ToArray(), rounds.Select(r => r.Head).ToArray());
    }

    // From this many pairs on, the signed-rank interval replaces the t interval: many short interleaved batches
    // include the odd one hit by a GC or an interrupt, and a rank method is not thrown by it.
    private const int RankPairs = 20;

    private static Evaluation EvaluatePaired(double[] d, double alpha, double trim)
    {
        // Interleaved rounds keep the trimmed mean at every count: at the small alphas of a suite's later looks the
        // signed-rank interval reaches out to the extreme Walsh averages, which a round moved by placement makes wide.
        if (trim == 0 && d.Length >= RankPairs)
        {
            var (rankShift, rankP) = SignedRank.Estimate(d, 1 - alpha);
            return new Evaluation(rankShift, rankP, d.Length, d.Length, string.Create(CultureInfo.InvariantCulture, $"{d.Length} interleaved A/B pairs, signed-rank"));
        }

        // Interleaved rounds: Yuen's trimmed-mean test on the paired differences. Where each side's code lands in
        // memory moves a whole round by tens of percent now and then (docs/runner.md), and a plain t interval is
        // widened by every such round; the 20% trimmed mean with its winsorized standard error and h − 1 degrees of
        // freedom is not. With no trimming (process rounds, or fewer than five rounds) it is the paired t interval.
        var n = d.Length;
        var sorted = d.Order().ToArray();
        var g = (int)Math.Floor(trim * n);
        var h = n - (2 * g);
        var mean = sorted.Skip(g).Take(h).Average();
        var winsorized = sorted.Select((v, i) => i < g ? sorted[g] : i >= n - g ? sorted[n - g - 1] : v).ToArray();
        var sw = Descriptive.StdDev(winsorized);
        var se = Math.Sqrt((n - 1) * sw * sw / (h * (double)(h - 1)));
        var df = h - 1;
        var note = string.Create(CultureInfo.InvariantCulture, $"{n} A/B rounds, paired by round{(g > 0 ? ", trimmed mean" : "")}");
        if (!(se > 0))
        {
            return new Evaluation(new ShiftEstimate(mean, mean, mean, 1 - alpha), mean == 0 ? 1 : 0, n, n, note);
        }

        var t = StudentT.Quantile(1 - (alpha / 2), df);
        var p = StudentT.TwoSidedPValue(Math.Abs(mean) / se, df);
        return new Evaluation(new ShiftEstimate(mean, mean - (t * se), mean + (t * se), 1 - alpha), p, n, n, note);
    }

    private const double Trim = 0.2;

    // Launch centres that agree to a part in a billion are one value: a difference in the last bits is rounding
    // (a change of unit, a division by the operation count), and it must not turn a tie into an order.
    private const double LogTieTolerance = 1e-9;

    /// <summary>Whether the exact rank test with this many launches a side can reach <paramref name="alpha"/> at all: its smallest two-sided p-value is 2 / C(n + m, n).</summary>
    internal static bool LaunchTestCanDecide(int n, int m, double alpha)
    {
        if (n < 2 || m < 2)
        {
            return false;
        }

        // log C(n + m, n) by summing logs: the counts involved stay small.
        var logChoose = 0.0;
        for (var i = 1; i <= n; i++)
        {
            logChoose += Math.Log(m + i) - Math.Log(i);
        }

        return Math.Log(2) - logChoose <= Math.Log(alpha);
    }

    private static int Clamp(long count) => (int)Math.Min(int.MaxValue, count);

    /// <summary>What a test concluded, with the units of evidence it used.</summary>
    internal sealed record Evaluation(ShiftEstimate Shift, double PValue, int BaselineN, int CurrentN, string Note)
    {
        /// <summary>The baseline's typical value on the log scale: its median unit of evidence, or a load run's statistic.</summary>
        public double TypicalBase { get; init; }

        /// <summary>The current side's value on the same footing: the baseline's moved by the estimated shift, so that the two agree with it (for one load run a side, exactly its statistic).</summary>
        public double TypicalCurrent => TypicalBase + Shift.Estimate;

        /// <summary>What one unit of evidence is.</summary>
        public EvidenceUnit Unit { get; init; }

        /// <summary>Launches a side, when iterations were pooled with a launch-noise model.</summary>
        public (int Base, int Current)? Launches { get; init; }
    }
}
