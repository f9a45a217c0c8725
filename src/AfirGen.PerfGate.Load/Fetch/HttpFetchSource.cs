using AfirGen.PerfGate.Load.Engine;
using AfirGen.PerfGate.Load.Http;

namespace AfirGen.PerfGate.Load.Fetch;

/// <summary>A source that GETs a URL (with <c>{n}</c> replaced by the key number) and caches the body.</summary>
public sealed class HttpFetchSource : IFetchSource
{
    private readonly string url;
    private readonly HttpClient client;

    /// <summary>Creates the source for up to <paramref name="connections"/> concurrent fetches.</summary>
    public HttpFetchSource(string url, int connections, TimeSpan timeout)
    {
        this.url = url;
        client = LoadHttpClient.Create(connections, timeout, "1.1", insecure: false);
    }

    /// <inheritdoc />
    public string Description => $"GET {url}";

    /// <inheritdoc />
    public Task CheckAsync(CancellationToken cancellationToken) => FetchCheck.RequireAnswerAsync(this, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<FetchResult> FetchAsync(long n, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(url.Replace("{n}", n.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? new FetchResult(body, null) : new FetchResult(null, ErrorClass.HttpStatus);
        }
        catch (Exception e) when (LoadHttpClient.Classify(e, cancellationToken) is { } error)
        {
            return new FetchResult(null, error);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
