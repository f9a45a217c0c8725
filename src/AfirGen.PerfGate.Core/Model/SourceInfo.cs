namespace AfirGen.PerfGate.Model;

/// <summary>The source revision a result set was measured from.</summary>
/// <param name="Commit">The commit hash, when known.</param>
/// <param name="Branch">The branch name, when known.</param>
public sealed record SourceInfo(string? Commit, string? Branch);
