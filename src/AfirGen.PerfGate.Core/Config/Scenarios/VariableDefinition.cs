namespace AfirGen.PerfGate.Config.Scenarios;

/// <summary>A variable that URLs, bodies, headers and query parameters use as <c>{name}</c>: a list, a range, or a data file's lines.</summary>
public sealed record VariableDefinition
{
    /// <summary>The name used in templates.</summary>
    public required string Name { get; init; }

    /// <summary>The values of a list or data-file variable; empty for a range.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>The inclusive lower bound of a range variable.</summary>
    public long RangeMin { get; init; }

    /// <summary>The inclusive upper bound of a range variable.</summary>
    public long RangeMax { get; init; }

    /// <summary>Whether this is a range rather than a list of values.</summary>
    public bool IsRange => Values.Count == 0;

    /// <summary>Whether values are taken in order (wrapping) rather than at random.</summary>
    public bool Sequential { get; init; }

    /// <summary>How many distinct values the variable has.</summary>
    public long Count => IsRange ? RangeMax - RangeMin + 1 : Values.Count;
}
