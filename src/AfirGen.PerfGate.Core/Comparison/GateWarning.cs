namespace AfirGen.PerfGate.Comparison;

/// <summary>Something the reader of a verdict must know that is not a benchmark's verdict: typed, so every output can show it without parsing text.</summary>
/// <param name="Kind">What it is about.</param>
/// <param name="Subject">What it concerns: a scenario id, an environment field; null for the whole run.</param>
/// <param name="Text">One sentence for the reader.</param>
public sealed record GateWarning(WarningKind Kind, string? Subject, string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
