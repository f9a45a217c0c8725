namespace AfirGen.PerfGate.Config.Scenarios;

/// <summary>What a full table scan found by <c>EXPLAIN FORMAT=JSON</c> does to a db scenario.</summary>
public enum ExplainPolicy
{
    /// <summary>No plan check.</summary>
    Off,

    /// <summary>A full table scan is reported as a warning.</summary>
    Warn,

    /// <summary>A full table scan fails the scenario.</summary>
    Fail,
}
