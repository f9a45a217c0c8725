using System.Buffers;
using System.Globalization;
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
    private readonly bool http1;
    private readonly bool hostGiven;

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
        hostGiven = headers.Any(h => h.Name.Equals("Host", StringComparison.OrdinalIgnoreCase));
        // Plain HTTP/1.1 whose host and port no variable can change: the raw client's case, with a body check or without.
        var prefix = url.Prefix;
        var plain = prefix.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        var fixedHost = plain && (url.Constant is not null || prefix.IndexOf('/', "http://".Length) > 0);
        http1 = version == System.Net.HttpVersion.Version11 && fixedHost;
        IsConstant = http1 && url.Constant is not null && (body is null || body.Constant is not null) && headers.All(h => h.Value.Constant is not null);
    }

    /// <summary>The URL the raw HTTP/1.1 client connects to, or null when the scenario needs HttpClient (https, HTTP/2, a variable host).</summary>
    public Uri? Http1Url(object[] firstValues) => http1 ? new Uri(url.Render(firstValues)) : null;

    /// <summary>Whether every request is the same bytes (no variable anywhere): rendered once.</summary>
    public bool IsConstant { get; }

    /// <summary>A HEAD request: its answer has no body, whatever its headers say.</summary>
    public bool IsHead => method == HttpMethod.Head;

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

    /// <summary>
    /// Writes the HTTP/1.1 request for <paramref name="values"/> into <paramref name="into"/>, as HttpClient would send it:
    /// request line, Host, the scenario's headers, and Content-Type and Content-Length with a body (or Content-Length: 0
    /// for POST, PUT and PATCH without one). False when a rendered value holds a line break, which HttpClient refuses too.
    /// </summary>
    public bool TryWriteHttp1(object[] values, string authority, ArrayBufferWriter<byte> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.ResetWrittenCount();
        var target = (constantUri ?? new Uri(url.Render(values))).PathAndQuery;
        Write(into, method.Method);
        Write(into, " ");
        Write(into, target);
        Write(into, " HTTP/1.1\r\n");
        if (!hostGiven)
        {
            // A Host header of the scenario's own replaces the URL's, as it does with HttpClient.
            Write(into, "Host: ");
            Write(into, authority);
            Write(into, "\r\n");
        }

        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue; // the framing is the client's to write; HttpClient drops these from a request's headers too
            }

            var text = value.Render(values);
            if (!IsFieldText(name) || !IsFieldText(text))
            {
                return false;
            }

            Write(into, name);
            Write(into, ": ");
            Write(into, text);
            Write(into, "\r\n");
        }

        var content = body?.Render(values);
        if (content is not null)
        {
            Write(into, "Content-Type: ");
            Write(into, contentType.Contains(';', StringComparison.Ordinal) ? contentType : contentType + "; charset=utf-8");
            Write(into, "\r\nContent-Length: ");
            Write(into, Encoding.UTF8.GetByteCount(content).ToString(CultureInfo.InvariantCulture));
            Write(into, "\r\n\r\n");
            Write(into, content);
        }
        else
        {
            Write(into, method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch ? "Content-Length: 0\r\n\r\n" : "\r\n");
        }

        return true;
    }

    private static bool IsFieldText(string text) => text.AsSpan().IndexOfAny('\r', '\n', '\0') < 0;

    private static void Write(ArrayBufferWriter<byte> into, string text)
    {
        var span = into.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        into.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
