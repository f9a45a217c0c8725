namespace AfirGen.PerfGate.Thresholds;

/// <summary>The comparison in a threshold expression.</summary>
public enum ThresholdOperator
{
    /// <summary>&lt;</summary>
    Less,

    /// <summary>&lt;=</summary>
    LessOrEqual,

    /// <summary>&gt;</summary>
    Greater,

    /// <summary>&gt;=</summary>
    GreaterOrEqual,
}
