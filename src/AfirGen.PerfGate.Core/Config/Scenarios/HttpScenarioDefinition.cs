using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Config.Scenarios;

/// <summary>An HTTP endpoint under load: the request and the checks on its response.</summary>
public sealed record HttpScenarioDefinition : ScenarioDefinition
{
    /// <inheritdoc />
    public override Category Category => Category.Api;

    /// <summary>The HTTP method.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>The URL template, e.g. "http://127.0.0.1:8000/fir/{id}".</summary>
    public required string Url { get; init; }

    /// <summary>Request headers (templates), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The request body template, when there is one.</summary>
    public string? Body { get; init; }

    /// <summary>Status codes that count as success; empty means any 2xx or 3xx.</summary>
    public IReadOnlyList<int> ExpectStatus { get; init; } = [];

    /// <summary>Text the response body must contain, when set.</summary>
    public string? ExpectBodyContains { get; init; }

    /// <summary>The HTTP version to speak: "1.1" or "2".</summary>
    public string HttpVersion { get; init; } = "1.1";

    /// <summary>Accept any TLS certificate (a test server's self-signed one).</summary>
    public bool Insecure { get; init; }
}
