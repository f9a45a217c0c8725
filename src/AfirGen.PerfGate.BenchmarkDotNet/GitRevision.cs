namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>A revision as the user named it and the commit it resolved to.</summary>
/// <param name="Ref">What the user passed, e.g. "origin/main".</param>
/// <param name="Commit">The full commit hash, or null for the working tree as it is.</param>
public sealed record GitRevision(string Ref, string? Commit)
{
    /// <summary>Short form for messages: "origin/main (1a2b3c4d)".</summary>
    public override string ToString() => Commit is null ? Ref : $"{Ref} ({Commit[..Math.Min(10, Commit.Length)]})";
}
