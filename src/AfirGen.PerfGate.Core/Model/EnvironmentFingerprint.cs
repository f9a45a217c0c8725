namespace AfirGen.PerfGate.Model;

/// <summary>What a result depends on besides the code: results with different fingerprints are not silently compared.</summary>
public sealed record EnvironmentFingerprint
{
    /// <summary>A fingerprint with nothing known.</summary>
    public static EnvironmentFingerprint Unknown { get; } = new();

    /// <summary>Operating system description, e.g. "Debian GNU/Linux 12".</summary>
    public string? Os { get; init; }

    /// <summary>Processor model name.</summary>
    public string? Cpu { get; init; }

    /// <summary>Logical processor count.</summary>
    public int? Cores { get; init; }

    /// <summary>Runtime description, e.g. ".NET 10.0.0".</summary>
    public string? Runtime { get; init; }

    /// <summary>Process architecture, e.g. "X64".</summary>
    public string? Architecture { get; init; }

    /// <summary>Garbage collector mode, e.g. "Workstation, Concurrent".</summary>
    public string? GcMode { get; init; }

    /// <summary>Returns the names and both values of every field that is known on both sides and differs.</summary>
    public IReadOnlyList<(string Field, string Baseline, string Current)> Differences(EnvironmentFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var diffs = new List<(string, string, string)>();
        // Compared in one form, so that files written before descriptions were made one still match.
        Add(diffs, "os", Os, other.Os, MachineDescription.Os);
        Add(diffs, "cpu", Cpu, other.Cpu, MachineDescription.Cpu);
        Add(diffs, "cores", Cores?.ToString(System.Globalization.CultureInfo.InvariantCulture), other.Cores?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(diffs, "runtime", Runtime, other.Runtime, MachineDescription.Runtime);
        Add(diffs, "architecture", Architecture, other.Architecture);
        Add(diffs, "gcMode", GcMode, other.GcMode);
        return diffs;
    }

    private static void Add(List<(string, string, string)> diffs, string field, string? a, string? b, Func<string?, string?>? canonical = null)
    {
        if (a is not null && b is not null && !string.Equals(canonical?.Invoke(a) ?? a, canonical?.Invoke(b) ?? b, StringComparison.Ordinal))
        {
            diffs.Add((field, a, b));
        }
    }
}
