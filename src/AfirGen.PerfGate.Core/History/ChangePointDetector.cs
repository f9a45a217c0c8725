namespace AfirGen.PerfGate.History;

/// <summary>
/// Finds persistent steps in a series of noisy runs: a penalised optimal segmentation (PELT) of the log values, each
/// run weighted by its own uncertainty plus the series' run-to-run noise, single bad runs down-weighted (Huber) against
/// a running median so that one slow night cannot make or hide a change.
/// </summary>
public sealed class ChangePointDetector
{
    private const int MedianWindow = 9;

    /// <summary>The cost of one more change point, in units of a standardised squared deviation (χ²₁).</summary>
    public double Penalty { get; init; } = 16;

    /// <summary>The fewest runs a segment may hold: a change must persist this long to be one.</summary>
    public int MinSegment { get; init; } = 4;

    /// <summary>The smallest run-to-run noise assumed on the log scale, so that a series of identical values still has a scale.</summary>
    public double Resolution { get; init; } = 1e-4;

    /// <summary>Standardised residuals beyond this are down-weighted (Huber's constant).</summary>
    public double HuberLimit { get; init; } = 2;

    /// <summary>How much worse than the best position, in χ²₁ units, a position may fit and still be in a change's range.</summary>
    public double RangeDrop { get; init; } = 6;

    /// <summary>The change points of <paramref name="points"/>, in order.</summary>
    public IReadOnlyList<ChangePoint> Detect(IReadOnlyList<SeriesPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var n = points.Count;
        if (n < 2 * MinSegment)
        {
            return [];
        }

        var weights = Weights(points);
        var center = Median(points.Select(p => p.Log).ToArray());
        var sums = new Prefix(points, weights, center);
        var starts = Segment(sums, n);
        var found = new List<ChangePoint>();
        for (var i = 1; i < starts.Count; i++)
        {
            var (a, c) = (starts[i - 1], starts[i]);
            var d = i + 1 < starts.Count ? starts[i + 1] : n;
            var shift = sums.Mean(c, d) - sums.Mean(a, c);
            var error = Math.Sqrt((1 / sums.Weight(a, c)) + (1 / sums.Weight(c, d)));
            var (earliest, latest) = Range(sums, a, c, d);
            found.Add(new ChangePoint(c, earliest, latest, shift, error, c - a, d - c));
        }

        return found;
    }

    /// <summary>The run-to-run scale of <paramref name="points"/> on the log scale: robust to steps and to single bad runs.</summary>
    public double Scale(IReadOnlyList<SeriesPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 3)
        {
            return Resolution;
        }

        var diffs = new double[points.Count - 1];
        for (var i = 1; i < points.Count; i++)
        {
            diffs[i - 1] = Math.Abs(points[i].Log - points[i - 1].Log);
        }

        return Math.Max(1.4826 * Median(diffs) / Math.Sqrt(2), Resolution);
    }

    private double[] Weights(IReadOnlyList<SeriesPoint> points)
    {
        var n = points.Count;
        var scale = Scale(points);
        // A run's own error from two or three launches is itself noisy: shrunk towards the series' typical error (worth
        // three runs), so that two launches agreeing by chance do not make one run outweigh ten.
        var typical = Median(points.Select(p => p.Error * p.Error).ToArray());
        var own = points.Select(p => ((p.Error * p.Error) + (3 * typical)) / 4).ToArray();
        // The spread between runs that their own errors do not explain; each run then adds its own error on top, and no
        // run is taken as more than twice as precise as the series' own run-to-run scale says runs are.
        var excess = Math.Max((scale * scale) - typical, 0);
        var floor = Math.Max(0.25 * scale * scale, Resolution * Resolution);
        var variances = own.Select(e => Math.Max(excess + e, floor)).ToArray();
        var residuals = new double[n];
        var window = new double[MedianWindow];
        for (var i = 0; i < n; i++)
        {
            var lo = Math.Max(0, i - (MedianWindow / 2));
            var hi = Math.Min(n, i + (MedianWindow / 2) + 1);
            var count = 0;
            for (var j = lo; j < hi; j++)
            {
                window[count++] = points[j].Log;
            }

            residuals[i] = Math.Abs(points[i].Log - Median(window.AsSpan(0, count).ToArray())) / Math.Sqrt(variances[i]);
        }

        // When the runs scatter more than their variances say, every variance is too small by the same factor (the median
        // of a squared standard normal is 0.455); a smaller scatter is left alone, as a running median flatters it.
        var dispersion = Math.Max(Median(residuals.Select(r => r * r).ToArray()) / 0.455, 1);
        var weights = new double[n];
        for (var i = 0; i < n; i++)
        {
            var residual = residuals[i] / Math.Sqrt(dispersion);
            weights[i] = (1 / (variances[i] * dispersion)) * Math.Min(1, HuberLimit / Math.Max(residual, 1e-12));
        }

        return weights;
    }

    // PELT: F(t) = min over s of F(s) + cost(s, t) + penalty, candidates s pruned once they can no longer be optimal.
    private List<int> Segment(Prefix sums, int n)
    {
        var m = MinSegment;
        var best = new double[n + 1];
        var last = new int[n + 1];
        Array.Fill(best, double.PositiveInfinity);
        best[0] = -Penalty;
        var candidates = new List<int> { 0 };
        for (var t = m; t <= n; t++)
        {
            foreach (var s in candidates)
            {
                if (t - s < m)
                {
                    continue;
                }

                var value = best[s] + sums.Cost(s, t) + Penalty;
                if (value < best[t])
                {
                    (best[t], last[t]) = (value, s);
                }
            }

            // A start that fits worse up to t than the best segmentation of t can never become the best one later.
            candidates.RemoveAll(s => t - s >= m && best[s] + sums.Cost(s, t) > best[t]);
            candidates.Add(t);
        }

        var starts = new List<int>();
        for (var t = n; t > 0; t = last[t])
        {
            starts.Add(last[t]);
        }

        starts.Reverse();
        return starts;
    }

    private (int Earliest, int Latest) Range(Prefix sums, int a, int c, int d)
    {
        var best = sums.Cost(a, c) + sums.Cost(c, d);
        var (earliest, latest) = (c, c);
        for (var k = a + 1; k < d; k++)
        {
            if (sums.Cost(a, k) + sums.Cost(k, d) - best <= RangeDrop)
            {
                earliest = Math.Min(earliest, k);
                latest = Math.Max(latest, k);
            }
        }

        return (earliest, latest);
    }

    private static double Median(double[] values)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    // Weighted sums from the start, so that any segment's weighted mean and squared deviation cost O(1).
    private sealed class Prefix
    {
        private readonly double[] _w;
        private readonly double[] _wy;
        private readonly double[] _wyy;

        public Prefix(IReadOnlyList<SeriesPoint> points, double[] weights, double center)
        {
            var n = points.Count;
            (_w, _wy, _wyy) = (new double[n + 1], new double[n + 1], new double[n + 1]);
            for (var i = 0; i < n; i++)
            {
                var y = points[i].Log - center;
                _w[i + 1] = _w[i] + weights[i];
                _wy[i + 1] = _wy[i] + (weights[i] * y);
                _wyy[i + 1] = _wyy[i] + (weights[i] * y * y);
            }
        }

        public double Weight(int from, int to) => _w[to] - _w[from];

        public double Mean(int from, int to) => (_wy[to] - _wy[from]) / Weight(from, to);

        public double Cost(int from, int to)
        {
            var w = Weight(from, to);
            var wy = _wy[to] - _wy[from];
            return w <= 0 ? 0 : Math.Max((_wyy[to] - _wyy[from]) - (wy * wy / w), 0);
        }
    }
}
