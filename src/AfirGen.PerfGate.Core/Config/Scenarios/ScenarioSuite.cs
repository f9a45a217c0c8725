namespace AfirGen.PerfGate.Config.Scenarios;

/// <summary>The "scenarios" section of perfgate.json: load defaults and the api, db and cache scenarios.</summary>
public sealed record ScenarioSuite
{
    /// <summary>An empty suite.</summary>
    public static ScenarioSuite Empty { get; } = new();

    /// <summary>The load every scenario starts from.</summary>
    public LoadSettings Load { get; init; } = new();

    /// <summary>The scenarios, in file order.</summary>
    public IReadOnlyList<ScenarioDefinition> Scenarios { get; init; } = [];
}
