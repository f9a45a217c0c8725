namespace AfirGen.PerfGate.Config;

/// <summary>The system under test that <c>perfgate run</c> starts before its api scenarios and stops after them.</summary>
public sealed record TargetDefinition
{
    /// <summary>A .NET project (full path) that is built in Release and run with <c>--urls</c> set to <see cref="Url"/>; or null when <see cref="Command"/> is set.</summary>
    public string? Project { get; init; }

    /// <summary>A command and its arguments, started as is (in the config's folder); or empty when <see cref="Project"/> is set.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>The base URL the target serves, e.g. http://127.0.0.1:5080.</summary>
    public required Uri Url { get; init; }

    /// <summary>The readiness URL: the target is up when it answers with a 2xx status.</summary>
    public required Uri Ready { get; init; }

    /// <summary>Extra environment variables for the target; a value "env:NAME" is copied from perfgate's environment when set there.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; } = [];

    /// <summary>How long the target may take to answer the readiness URL after it was started.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The folder the command runs in: the config's.</summary>
    public required string WorkingDirectory { get; init; }
}
