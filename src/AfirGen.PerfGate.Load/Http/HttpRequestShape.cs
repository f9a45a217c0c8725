using System.Text;
using AfirGen.PerfGate.Config.Scenarios;
using AfirGen.PerfGate.Load.Templates;

namespace AfirGen.PerfGate.Load.Http;

/// <summary>A scenario's request compiled once: method, URL, header and body templates, and the checks on the answer.</summary>
internal sealed class HttpRequestShape
{
    private readonly HttpMethod method;
    private readonly Template url;
    private readonly Uri? constantUri;
    private readonly (string Name, Template Value)[] headers;
    private readonly Template? body;
    private readonly string contentType;
    private readonly Version version;

    public HttpRequestShape(HttpScenarioDefinition scenario)
    {
        Variables = new VariableSet(scenario.Variables);
        method = HttpMethod.Parse(scenario.Method);
        version = scenario.HttpVersion == "2" ? System.Net.HttpVersion.Version20 : System.Net.HttpVersion.Version11;
        url = Template.Compile(scenario.Url, Variables);
        constantUri = url.Constant is { } c ? new Uri(c) : null;
        var contentHeader = scenario.Headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase));
        contentType = contentHeader.Value ?? "application/json";
        headers = [.. scenario.Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Select(h => (h.Key, Template.Compile(h.Value, Variables)))];
        body = scenario.Body is null ? null : Template.Compile(scenario.Body, Variables);
        ExpectStatus = scenario.ExpectStatus.Count > 0 ? [.. scenario.ExpectStatus] : null;
        ExpectBody = scenario.ExpectBodyContains;
    }

    public VariableSet Variables { get; }

    public int[]? ExpectStatus { get; }

    public string? ExpectBody { get; }

    public bool StatusAccepted(int status) => ExpectStatus is null ? status is >= 200 and < 400 : Array.IndexOf(ExpectStatus, status) >= 0;

    public HttpRequestMessage Build(object[] values)
    {
        // The version is set on each message: HttpClient's defaults only reach the messages it builds itself.
        var request = new HttpRequestMessage(method, constantUri ?? new Uri(url.Render(values)))
        {
            Version = version,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value.Render(values));
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.Render(values), Encoding.UTF8, contentType);
        }

        return request;
    }
}
