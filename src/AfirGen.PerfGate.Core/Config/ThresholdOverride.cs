using AfirGen.PerfGate.Thresholds;

namespace AfirGen.PerfGate.Config;

/// <summary>Thresholds that apply to the benchmarks whose id matches a glob (<c>*</c> and <c>?</c>, case-insensitive).</summary>
/// <param name="Match">The glob.</param>
/// <param name="Thresholds">The expressions; a later one for the same metric and direction replaces an earlier one.</param>
public sealed record ThresholdOverride(string Match, IReadOnlyList<Threshold> Thresholds)
{
    /// <summary>Where the thresholds came from: "built-in", a config file's path, "--threshold", …; null when not told.</summary>
    public string? Source { get; init; }

    /// <summary>Whether the glob matches the id.</summary>
    public bool Matches(string id) => System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(Match, id, ignoreCase: true);
}
