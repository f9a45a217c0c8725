using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.History;

/// <summary>One run kept in a history store: where and from what it was measured, and each benchmark's values.</summary>
public sealed record HistoryEntry
{
    /// <summary>The schema identifier written into every entry file.</summary>
    public const string SchemaId = "perfgate/history-entry@1";

    /// <summary>The entry's name in the store, unique, sortable by time.</summary>
    public required string Id { get; init; }

    /// <summary>When the run finished.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The commit measured, when known.</summary>
    public string? Commit { get; init; }

    /// <summary>The branch measured, when known.</summary>
    public string? Branch { get; init; }

    /// <summary>The machine and runtime the run was measured on.</summary>
    public EnvironmentFingerprint Environment { get; init; } = EnvironmentFingerprint.Unknown;

    /// <summary>A digest of the configuration the run used, when it had one: a change of configuration is a change of what was measured.</summary>
    public string? Configuration { get; init; }

    /// <summary>True when the run was cut short.</summary>
    public bool Incomplete { get; init; }

    /// <summary>Each benchmark's value of each metric.</summary>
    public IReadOnlyList<HistoryPoint> Points { get; init; } = [];

    /// <inheritdoc />
    public bool Equals(HistoryEntry? other) =>
        other is not null && Id == other.Id && CreatedAt == other.CreatedAt && Commit == other.Commit && Branch == other.Branch
        && Environment == other.Environment && Configuration == other.Configuration && Incomplete == other.Incomplete
        && Points.SequenceEqual(other.Points);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, CreatedAt);
}
