using AfirGen.PerfGate.Config.Scenarios;
using AfirGen.PerfGate.Load.Engine;
using AfirGen.PerfGate.Load.Templates;

namespace AfirGen.PerfGate.Load.Http;

/// <summary>An HTTP endpoint as a load target.</summary>
public sealed class HttpLoadTarget : ILoadTarget
{
    private readonly HttpScenarioDefinition scenario;
    private readonly HttpRequestShape shape;

    /// <summary>Creates the target.</summary>
    public HttpLoadTarget(HttpScenarioDefinition scenario)
    {
        this.scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
        shape = new HttpRequestShape(scenario);
    }

    /// <inheritdoc />
    public string Description => $"{scenario.Method} {scenario.Url}";

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> PrepareAsync(CancellationToken cancellationToken)
    {
        using var client = LoadHttpClient.Create(1, scenario.Load.Timeout, scenario.HttpVersion, scenario.Insecure);
        using var request = shape.Build(shape.Variables.First());
        try
        {
            // Any answer, whatever its status, shows the target is up; the checks are the run's business.
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return [];
        }
        catch (Exception e) when (LoadHttpClient.Classify(e, cancellationToken) is not null)
        {
            throw new TargetUnreachableException($"target unreachable: {Description}: {LoadHttpClient.Reason(e)}", e);
        }
    }

    /// <inheritdoc />
    public async Task<ILoadSession> OpenAsync(int workers, CancellationToken cancellationToken)
    {
        // Plain HTTP/1.1 gets the raw keep-alive client, body check or not, so the instrument does not change with the
        // checks; https, HTTP/2 and a variable host get HttpClient.
        if (shape.Http1Url(shape.Variables.First()) is { } url)
        {
            return new Http1Session(shape, await Http1Endpoint.ResolveAsync(url, cancellationToken).ConfigureAwait(false), scenario.Load.Timeout);
        }

        return new Session(shape, LoadHttpClient.Create(workers, Timeout.InfiniteTimeSpan, scenario.HttpVersion, scenario.Insecure), scenario.Load.Timeout);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Session(HttpRequestShape shape, HttpClient client, TimeSpan timeout) : ILoadSession
    {
        public ValueTask<ILoadWorker> CreateWorkerAsync(int index, CancellationToken cancellationToken) =>
            ValueTask.FromResult<ILoadWorker>(new HttpLoadWorker(shape, client, new Random(index + 1), timeout));

        public ValueTask DisposeAsync()
        {
            client.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Http1Session(HttpRequestShape shape, Http1Endpoint endpoint, TimeSpan timeout) : ILoadSession
    {
        public ValueTask<ILoadWorker> CreateWorkerAsync(int index, CancellationToken cancellationToken) =>
            ValueTask.FromResult<ILoadWorker>(new Http1Worker(shape, endpoint, new Random(index + 1), timeout));

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
