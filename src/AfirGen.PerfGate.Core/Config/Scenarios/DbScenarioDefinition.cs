using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Config.Scenarios;

/// <summary>A MySQL/MariaDB query under load.</summary>
public sealed record DbScenarioDefinition : ScenarioDefinition
{
    /// <inheritdoc />
    public override Category Category => Category.Db;

    /// <summary>The environment variable holding the connection string (the file only says "env:NAME").</summary>
    public required string ConnectionVariable { get; init; }

    /// <summary>Statements run once before the scenario's levels.</summary>
    public IReadOnlyList<string> Setup { get; init; } = [];

    /// <summary>Statements run once after the scenario's levels, even when they failed.</summary>
    public IReadOnlyList<string> Teardown { get; init; } = [];

    /// <summary>The measured statement; <c>@name</c> parameters take the variables of the same name.</summary>
    public required string Query { get; init; }

    /// <summary>What a full table scan in the query's <c>EXPLAIN FORMAT=JSON</c> plan does.</summary>
    public ExplainPolicy Explain { get; init; } = ExplainPolicy.Warn;

    /// <summary>Take a connection from the pool for every operation (as a web backend does), timing the acquisition; false keeps one connection per worker.</summary>
    public bool Pooled { get; init; } = true;
}
