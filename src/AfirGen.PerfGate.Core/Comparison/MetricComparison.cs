namespace AfirGen.PerfGate.Comparison;

/// <summary>One metric of one benchmark against its baseline: the change as a ratio with a confidence interval, beside the values it was computed from.</summary>
public sealed record MetricComparison
{
    /// <summary>The metric.</summary>
    public required ComparedMetric Metric { get; init; }

    /// <summary>The verdict for this metric.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>The baseline's value beside the change (time in ns, bytes, ops/s): a load run's statistic, or the median unit of evidence (launch, round, iteration); never a raw mean.</summary>
    public double? Baseline { get; init; }

    /// <summary>The current value beside the change: a load run's statistic, or <see cref="Baseline"/> moved by the estimated change, so that the two and <see cref="Ratio"/> agree.</summary>
    public double? Current { get; init; }

    /// <summary>Current over baseline: the Hodges–Lehmann or paired estimate for time, the plain ratio otherwise. 1.10 is 10% more.</summary>
    public double? Ratio { get; init; }

    /// <summary>Lower confidence bound of the ratio.</summary>
    public double? CiLower { get; init; }

    /// <summary>Upper confidence bound of the ratio.</summary>
    public double? CiUpper { get; init; }

    /// <summary>Confidence level of the interval, e.g. 0.9986 after adjusting for the suite.</summary>
    public double? Confidence { get; init; }

    /// <summary>Two-sided p-value of "no change", adjusted for the number of comparisons in the suite.</summary>
    public double? PValue { get; init; }

    /// <summary>Units of evidence on the baseline side (launches, rounds, or iterations when each side has one launch).</summary>
    public int BaselineN { get; init; }

    /// <summary>Units of evidence on the current side.</summary>
    public int CurrentN { get; init; }

    /// <summary>What one unit of evidence is, which says what <see cref="Baseline"/> and <see cref="Current"/> are; null for exact comparisons.</summary>
    public EvidenceUnit? Unit { get; init; }

    /// <summary>Why the verdict is what it is, in one short sentence, when that is not obvious.</summary>
    public string? Note { get; init; }

    /// <summary>For an inconclusive metric: what would decide it ("decided by `perfgate ab`", "needs about 6 launches a side").</summary>
    public string? Hint { get; init; }
}
