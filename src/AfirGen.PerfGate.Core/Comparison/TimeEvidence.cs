using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Statistics;

namespace AfirGen.PerfGate.Comparison;

/// <summary>
/// The evidence about a time-like metric of one benchmark, on the log scale, and the test it supports.
/// Iterations inside one process are not independent samples of the code's speed: the launch is the unit
/// when both sides have several; otherwise the launch-to-launch noise is added to the within-launch error.
/// </summary>
internal sealed class TimeEvidence
{
    private readonly double[]? _x;
    private readonly double[]? _y;
    private readonly double _shift;
    private readonly double _standardError;

    private TimeEvidence(string metric, double[] x, double[] y, int baselineN, int currentN, string? note)
    {
        Metric = metric;
        _x = x;
        _y = y;
        BaselineN = baselineN;
        CurrentN = currentN;
        Note = note;
    }

    private TimeEvidence(string metric, double shift, double standardError, int baselineN, int currentN, string? note)
    {
        Metric = metric;
        _shift = shift;
        _standardError = standardError;
        BaselineN = baselineN;
        CurrentN = currentN;
        Note = note;
    }

    /// <summary>The metric name ("time", "p95", "throughput").</summary>
    public string Metric { get; }

    /// <summary>Units of evidence on the baseline side.</summary>
    public int BaselineN { get; }

    /// <summary>Units of evidence on the current side.</summary>
    public int CurrentN { get; }

    /// <summary>How the evidence was formed, for the report.</summary>
    public string? Note { get; }

    /// <summary>Evidence for a micro-benchmark's time per operation, or null when a side has no samples.</summary>
    public static TimeEvidence? ForMicro(BenchmarkResult baseline, BenchmarkResult current, double assumedNoise)
    {
        var a = baseline.Launches.Where(l => l.Samples.Count > 0).ToArray();
        var b = current.Launches.Where(l => l.Samples.Count > 0).ToArray();
        if (a.Length == 0 || b.Length == 0)
        {
            return null;
        }

        if (a.Length >= 2 && b.Length >= 2)
        {
            return new TimeEvidence("time", Statistics.LaunchNoise.Centers(a), Statistics.LaunchNoise.Centers(b), a.Length, b.Length, null);
        }

        var x = a.SelectMany(l => l.Samples).Select(v => Math.Log(v)).ToArray();
        var y = b.SelectMany(l => l.Samples).Select(v => Math.Log(v)).ToArray();
        var within = HodgesLehmann.Shift(x, y, 0.5);
        var (noise, source) = LaunchNoiseOf(a, b, baseline.LaunchNoise ?? current.LaunchNoise, assumedNoise);
        // HL is 3/π as efficient as the mean under normality, hence the sqrt(π/3) on the robust standard error.
        var sx = Descriptive.ScaledMad(x);
        var sy = Descriptive.ScaledMad(y);
        var seWithin = Math.Sqrt(Math.PI / 3) * Math.Sqrt((sx * sx / x.Length) + (sy * sy / y.Length));
        var seLaunch = noise * Math.Sqrt((1.0 / a.Length) + (1.0 / b.Length));
        var se = Math.Sqrt((seWithin * seWithin) + (seLaunch * seLaunch));
        var note = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{a.Length} vs {b.Length} launches: iterations with {source} launch noise {noise:P1}");
        return new TimeEvidence("time", within.Estimate, standardError: se, x.Length, y.Length, note);
    }

    /// <summary>Evidence for a scenario metric from its summaries alone (no raw samples): one run a side, noise from the model.</summary>
    public static TimeEvidence? ForScenario(string metric, double baseline, double current, long baselineCount, long currentCount, double relativeSpread, double noise, string source)
    {
        if (baseline <= 0 || current <= 0 || !double.IsFinite(baseline) || !double.IsFinite(current))
        {
            return null;
        }

        // Within-run error of a mean-like statistic shrinks with the request count; the launch noise does not.
        var seWithin = relativeSpread * Math.Sqrt((1.0 / Math.Max(1, baselineCount)) + (1.0 / Math.Max(1, currentCount)));
        var se = Math.Sqrt((seWithin * seWithin) + (2 * noise * noise));
        var note = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"one run a side: {source} run-to-run noise {noise:P1}");
        return new TimeEvidence(metric, Math.Log(current / baseline), standardError: se, (int)Math.Min(int.MaxValue, baselineCount), (int)Math.Min(int.MaxValue, currentCount), note);
    }

    /// <summary>The shift on the log scale with an interval at 1 − <paramref name="alpha"/>, and the unadjusted two-sided p-value.</summary>
    public (ShiftEstimate Shift, double PValue) Evaluate(double alpha)
    {
        if (_x is not null && _y is not null)
        {
            return (HodgesLehmann.Shift(_x, _y, 1 - alpha), MannWhitney.TwoSidedPValue(_x, _y));
        }

        if (_standardError <= 0)
        {
            var p0 = _shift == 0 ? 1 : 0;
            return (new ShiftEstimate(_shift, _shift, _shift, 1 - alpha), p0);
        }

        var z = Normal.Quantile(1 - (alpha / 2));
        var p = 2 * Normal.UpperTail(Math.Abs(_shift) / _standardError);
        return (new ShiftEstimate(_shift, _shift - (z * _standardError), _shift + (z * _standardError), 1 - alpha), Math.Min(1, p));
    }

    private static (double Noise, string Source) LaunchNoiseOf(Launch[] a, Launch[] b, double? stored, double assumed)
    {
        var prior = stored ?? assumed;
        return Statistics.LaunchNoise.Estimate([a, b], prior) is { } measured
            ? (measured, "measured")
            : (prior, stored is null ? "assumed" : "stored");
    }
}
