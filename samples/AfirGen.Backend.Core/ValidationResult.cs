namespace AfirGen.Backend;

/// <summary>The outcome of validating a complaint: valid, or the problems a clerk must fix.</summary>
/// <param name="Problems">One line per problem; empty when valid.</param>
public sealed record ValidationResult(IReadOnlyList<string> Problems)
{
    /// <summary>True when there is no problem.</summary>
    public bool IsValid => Problems.Count == 0;
}
