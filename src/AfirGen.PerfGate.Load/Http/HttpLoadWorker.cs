using AfirGen.PerfGate.Load.Engine;

namespace AfirGen.PerfGate.Load.Http;

/// <summary>One HTTP worker: sends, reads the whole body (into a reused buffer unless a body check needs the text) and checks.</summary>
internal sealed class HttpLoadWorker(HttpRequestShape shape, HttpClient client, Random random, TimeSpan timeout) : ILoadWorker
{
    private readonly object[] values = new object[shape.Variables.Names.Count];
    private readonly byte[] buffer = new byte[16 * 1024];
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
            var statusOk = shape.StatusAccepted((int)response.StatusCode);
            if (shape.ExpectBody is { } expected)
            {
                var text = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
                return !statusOk ? OperationOutcome.Failed(ErrorClass.HttpStatus)
                    : text.Contains(expected, StringComparison.Ordinal) ? OperationOutcome.Success
                    : OperationOutcome.Failed(ErrorClass.Check);
            }

            // The body is read to its end so the connection can be reused, as a real client would.
            var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (await stream.ReadAsync(buffer, token).ConfigureAwait(false) > 0)
                {
                    // draining
                }
            }

            return statusOk ? OperationOutcome.Success : OperationOutcome.Failed(ErrorClass.HttpStatus);
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
