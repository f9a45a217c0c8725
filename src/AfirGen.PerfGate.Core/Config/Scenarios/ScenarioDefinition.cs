using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Config.Scenarios;

/// <summary>One load scenario from perfgate.json: what to call, with which variables, under which load.</summary>
public abstract record ScenarioDefinition
{
    /// <summary>The scenario's name, unique within its category, e.g. "get_fir".</summary>
    public required string Name { get; init; }

    /// <summary>Api, Db or Cache.</summary>
    public abstract Category Category { get; }

    /// <summary>The load to apply.</summary>
    public LoadSettings Load { get; init; } = new();

    /// <summary>Template variables.</summary>
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    /// <summary>The id prefix of its results, e.g. "api/get_fir"; each level adds "@c10" or "@r500".</summary>
    public string BaseId => $"{Category.ToString().ToLowerInvariant()}/{Name}";
}
