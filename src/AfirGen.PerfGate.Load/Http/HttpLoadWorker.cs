using AfirGen.PerfGate.Load.Engine;

namespace AfirGen.PerfGate.Load.Http;

/// <summary>
/// One HttpClient worker (https, HTTP/2): sends, reads the whole body into a reused buffer and checks it, the body
/// check looking at the bytes as they pass (<see cref="BodyMatcher"/>), never holding the body.
/// </summary>
internal sealed class HttpLoadWorker(HttpRequestShape shape, HttpClient client, Random random, TimeSpan timeout) : ILoadWorker
{
    private readonly object[] values = new object[shape.Variables.Names.Count];
    private readonly byte[] buffer = new byte[16 * 1024];
    private readonly BodyMatcher? matcher = shape.ExpectBody is { } expected ? new BodyMatcher(expected) : null;
    private readonly OperationDeadline deadline = new(timeout);

    public async ValueTask<OperationOutcome> ExecuteAsync(CancellationToken cancellationToken)
    {
        shape.Variables.Pick(random, values);
        using var request = shape.Build(values);
        // The deadline bounds the whole exchange, body included (HttpClient.Timeout stops at the headers).
        var token = deadline.Start(cancellationToken);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            matcher?.Reset();
            // The body is read to its end so the connection can be reused, as a real client would.
            var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, token).ConfigureAwait(false)) > 0)
                {
                    matcher?.Append(buffer.AsSpan(0, read));
                }
            }

            return !shape.StatusAccepted((int)response.StatusCode) ? OperationOutcome.Failed(ErrorClass.HttpStatus)
                : matcher is { Found: false } ? OperationOutcome.Failed(ErrorClass.Check)
                : OperationOutcome.Success;
        }
        catch (Exception e) when (LoadHttpClient.Classify(e, cancellationToken) is { } error)
        {
            return OperationOutcome.Failed(error);
        }
        finally
        {
            deadline.End();
        }
    }

    public ValueTask DisposeAsync()
    {
        deadline.Dispose();
        return ValueTask.CompletedTask;
    }
}
