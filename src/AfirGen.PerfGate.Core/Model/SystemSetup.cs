namespace AfirGen.PerfGate.Model;

/// <summary>
/// How the system under test was set up for the api scenarios: what was started, and which of the environment
/// variables the config gives it were set (by name; a value is never kept). The same code on an in-memory store and on
/// MySQL are different systems: comparing them is not a verdict on the code.
/// </summary>
public sealed record SystemSetup
{
    /// <summary>What was started: "project App/App.csproj" (relative to the config) or "command ./server --port 5080".</summary>
    public required string Target { get; init; }

    /// <summary>The environment variables the config gives the target, in name order.</summary>
    public IReadOnlyList<SetupVariable> Variables { get; init; } = [];

    /// <summary>One line per difference between the <paramref name="baseline"/> setup and the <paramref name="current"/> one; empty when either is unknown. <paramref name="before"/> and <paramref name="after"/> name the two sides.</summary>
    public static IReadOnlyList<string> Differences(SystemSetup? baseline, SystemSetup? current, string before = "in the baseline", string after = "now")
    {
        if (baseline is null || current is null)
        {
            return [];
        }

        var diffs = new List<string>();
        if (!string.Equals(baseline.Target, current.Target, StringComparison.Ordinal))
        {
            diffs.Add($"the target is {baseline.Target} {before} and {current.Target} {after}");
        }

        var names = baseline.Variables.Select(v => v.Name).Union(current.Variables.Select(v => v.Name), StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var (b, c) = (baseline.Variables.FirstOrDefault(v => v.Name == name), current.Variables.FirstOrDefault(v => v.Name == name));
            if (b?.Set != c?.Set || b?.From != c?.From)
            {
                diffs.Add($"the target's {name} is {Describe(b)} {before} and {Describe(c)} {after}");
            }
        }

        return diffs;
    }

    /// <inheritdoc />
    public bool Equals(SystemSetup? other) =>
        other is not null && Target == other.Target && Variables.SequenceEqual(other.Variables);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Target, Variables.Count);

    private static string Describe(SetupVariable? v) => v switch
    {
        null => "not given",
        { Set: false, From: { } from } => $"not set ({from} was not set)",
        { From: { } from } => $"set from {from}",
        _ => "set in the config",
    };
}

/// <summary>An environment variable the config gives the target: its name, the variable an "env:NAME" value comes from, and whether it was set.</summary>
/// <param name="Name">The variable the target sees.</param>
/// <param name="From">For an "env:NAME" value, NAME; null for a value written in the config.</param>
/// <param name="Set">Whether the target got it (an "env:" value is passed only when its source is set).</param>
public sealed record SetupVariable(string Name, string? From, bool Set);
