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

    public HttpRequestShape(HttpScenarioDefinition scenario)
    {
        Variables = new VariableSet(scenario.Variables);
        method = HttpMethod.Parse(scenario.Method);
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
        var request = new HttpRequestMessage(method, constantUri ?? new Uri(url.Render(values)));
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
