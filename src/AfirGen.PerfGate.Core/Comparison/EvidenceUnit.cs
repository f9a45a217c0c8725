namespace AfirGen.PerfGate.Comparison;

/// <summary>What one unit of evidence behind a change is; it says what the base and current values shown beside the change are.</summary>
public enum EvidenceUnit
{
    /// <summary>Iterations pooled with a launch-to-launch noise model (one or few launches a side): the values are median iterations.</summary>
    Iteration,

    /// <summary>Whole launches, each one unit: the values are median launch centres.</summary>
    Launch,

    /// <summary>Interleaved A/B rounds, paired: the values are median round centres.</summary>
    Round,

    /// <summary>One load run a side, compared through its summary: the values are that run's statistic.</summary>
    Run,
}
