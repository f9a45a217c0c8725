using System.Buffers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using AfirGen.PerfGate.Load.Engine;

namespace AfirGen.PerfGate.Load.Http;

/// <summary>
/// One HTTP/1.1 keep-alive connection for plain http:// load: the request rendered into a reused buffer, the response
/// read in place (status line, Content-Length or chunked body, Connection: close), no message objects per request.
/// HttpClient spent a fifth more CPU per request on them; on a 2-core machine that is CPU the target under test
/// does not get (docs/performance.md). A body check looks at the body as it passes (<see cref="BodyMatcher"/>), so a
/// scenario keeps this client with or without one. HTTPS and HTTP/2 stay with HttpClient.
/// </summary>
internal sealed class Http1Worker(HttpRequestShape shape, Http1Endpoint endpoint, Random random, TimeSpan timeout) : ILoadWorker
{
    // A response head larger than this is not a server under test answering normally.
    private const int MaxHeadBytes = 64 * 1024;

    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

    private readonly object[] values = new object[shape.Variables.Names.Count];
    private readonly ArrayBufferWriter<byte> request = new(512);
    private readonly BodyMatcher? matcher = shape.ExpectBody is { } expected ? new BodyMatcher(expected) : null;
    private byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;
    private Socket? socket;
    private bool reused;
    private readonly OperationDeadline deadline = new(timeout);

    // The state of each await that has to wait is kept in a pooled box, not a new one per request: a level of 80,000
    // requests a second went from 34 collections of the generator's heap to 1 in 8 s.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<OperationOutcome> ExecuteAsync(CancellationToken cancellationToken)
    {
        shape.Variables.Pick(random, values);
        if ((!shape.IsConstant || request.WrittenCount == 0) && !shape.TryWriteHttp1(values, endpoint.Authority, request))
        {
            // A rendered value that would break the request line or a header: HttpClient refuses to send it too.
            request.ResetWrittenCount();
            return OperationOutcome.Failed(ErrorClass.Connect);
        }

        // The deadline bounds the whole exchange, connecting and the body included.
        var token = deadline.Start(cancellationToken);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return await ExchangeAsync(token).ConfigureAwait(false);
                }
                catch (StaleConnectionException) when (attempt == 0)
                {
                    // A kept-alive connection the server had already closed: tried once more on a fresh one, as HttpClient does.
                    Close();
                }
            }
        }
        catch (Exception e) when (Classify(e, cancellationToken) is { } error)
        {
            Close();
            return OperationOutcome.Failed(error);
        }
        catch
        {
            // Cancelled half-way through an exchange: what is left of it on the connection must not be read as the next answer.
            Close();
            throw;
        }
        finally
        {
            deadline.End();
        }
    }

    public ValueTask DisposeAsync()
    {
        Close();
        deadline.Dispose();
        return ValueTask.CompletedTask;
    }

    private static ErrorClass? Classify(Exception e, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? null : e switch
        {
            OperationCanceledException => ErrorClass.Timeout,
            Http1ProtocolException => ErrorClass.Protocol,
            // Stale is retried on a fresh connection, which is never stale; should one escape, it is an answer cut off before its first byte.
            Http1TruncatedException or StaleConnectionException => ErrorClass.Truncated,
            SocketException s => SocketFailures.Of(s),
            _ => null,
        };

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<OperationOutcome> ExchangeAsync(CancellationToken token)
    {
        if (socket is null)
        {
            socket = await endpoint.ConnectAsync(token).ConfigureAwait(false);
            reused = false;
            start = end = 0;
        }

        try
        {
            // Without pipelining every byte on the connection belongs to a request's answer: bytes left after the last
            // answer, or arrived on the idle connection since, are an answer nobody asked for (a second response to
            // one request), and taking them for this request's would measure the wrong thing.
            if (reused && (end > start || socket.Available > 0))
            {
                throw new Http1ProtocolException("the server sent an answer that no request asked for");
            }

            var bytes = request.WrittenMemory;
            while (!bytes.IsEmpty)
            {
                bytes = bytes[await socket.SendAsync(bytes, SocketFlags.None, token).ConfigureAwait(false)..];
            }
        }
        catch (SocketException) when (reused)
        {
            throw new StaleConnectionException();
        }

        var status = await ReadResponseAsync(token).ConfigureAwait(false);
        reused = true;
        return !shape.StatusAccepted(status) ? OperationOutcome.Failed(ErrorClass.HttpStatus)
            : matcher is { Found: false } ? OperationOutcome.Failed(ErrorClass.Check)
            : OperationOutcome.Success;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReadResponseAsync(CancellationToken token)
    {
        var first = true;
        while (true)
        {
            var headEnd = await ReceiveThroughAsync(HeadEnd, first, "the response head", token).ConfigureAwait(false);
            first = false;
            var head = Http1ResponseHead.Parse(buffer.AsSpan(start, headEnd - start));
            start = headEnd;
            if (head.Status is >= 100 and < 200)
            {
                if (head.Status == 101)
                {
                    throw new Http1ProtocolException("the server switched protocols, which was not asked for");
                }

                continue; // an interim answer (100 Continue, 103 Early Hints): the final one follows
            }

            matcher?.Reset();
            var close = head.Close;
            if (shape.IsHead || head.Status is 204 or 304)
            {
                // no body
            }
            else if (head.Chunked)
            {
                await SkipChunkedAsync(token).ConfigureAwait(false);
            }
            else if (head.ContentLength is { } length)
            {
                await SkipAsync(length, token).ConfigureAwait(false);
            }
            else
            {
                // Neither length nor chunks: the body ends where the connection does.
                do
                {
                    matcher?.Append(buffer.AsSpan(start, end - start));
                    start = end;
                }
                while (await ReceiveAsync(token).ConfigureAwait(false) > 0);

                close = true;
            }

            if (close)
            {
                Close();
            }

            return head.Status;
        }
    }

    /// <summary>
    /// Receives until the unread bytes hold <paramref name="delimiter"/>; returns the index just past it. <paramref name="what"/>
    /// names what is being read for the error when it grows past <see cref="MaxHeadBytes"/>.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReceiveThroughAsync(byte[] delimiter, bool firstOfExchange, string what, CancellationToken token)
    {
        var searched = start;
        while (true)
        {
            var at = buffer.AsSpan(searched, end - searched).IndexOf(delimiter);
            if (at >= 0)
            {
                return searched + at + delimiter.Length;
            }

            searched = Math.Max(start, end - (delimiter.Length - 1));
            if (end - start >= MaxHeadBytes)
            {
                throw new Http1ProtocolException($"{what} is longer than {MaxHeadBytes / 1024} KB");
            }

            // Nothing of the answer yet on a connection that carried one before: if it is closed now, the server had
            // closed it while idle, and the request was never seen.
            var stale = firstOfExchange && end == start && reused;
            var before = start;
            int read;
            try
            {
                read = await ReceiveAsync(token).ConfigureAwait(false);
            }
            catch (SocketException) when (stale)
            {
                throw new StaleConnectionException();
            }

            searched -= before - start; // ReceiveAsync may have moved the unread bytes to the front
            if (read == 0)
            {
                throw stale ? new StaleConnectionException() : new Http1TruncatedException($"the server closed the connection in the middle of {what}");
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SkipAsync(long length, CancellationToken token)
    {
        while (true)
        {
            // At most what is buffered, an int, whatever the length: a body over 2 GB is counted down, never cast.
            var take = (int)Math.Min(length, end - start);
            matcher?.Append(buffer.AsSpan(start, take));
            start += take;
            length -= take;
            if (length == 0)
            {
                return;
            }

            if (await ReceiveAsync(token).ConfigureAwait(false) == 0)
            {
                throw new Http1TruncatedException("the server closed the connection in the middle of the body");
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SkipChunkedAsync(CancellationToken token)
    {
        while (true)
        {
            var size = Http1ResponseHead.ChunkSize(await ReadLineAsync(token).ConfigureAwait(false));
            if (size == 0)
            {
                // Trailer fields, if any, end with an empty line.
                while (await ReadLineAsync(token).ConfigureAwait(false) is { IsEmpty: false })
                {
                }

                return;
            }

            await SkipAsync(size, token).ConfigureAwait(false);
            if (!(await ReadLineAsync(token).ConfigureAwait(false)).IsEmpty)
            {
                throw new Http1ProtocolException("a chunk of the body does not end where its size says");
            }
        }
    }

    /// <summary>The next line without its CRLF (valid until the next read).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadOnlyMemory<byte>> ReadLineAsync(CancellationToken token)
    {
        var next = await ReceiveThroughAsync(LineEnd, firstOfExchange: false, "a line of the chunked body", token).ConfigureAwait(false);
        var line = buffer.AsMemory(start, next - LineEnd.Length - start);
        start = next;
        return line;
    }

    /// <summary>Receives more bytes after <c>end</c>, first moving the unread ones to the front or growing the buffer when it is full.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReceiveAsync(CancellationToken token)
    {
        if (start == end)
        {
            start = end = 0;
        }
        else if (end == buffer.Length)
        {
            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
            }
            else
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }

        var read = await socket!.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, token).ConfigureAwait(false);
        end += read;
        return read;
    }

    private void Close()
    {
        socket?.Dispose();
        socket = null;
        start = end = 0;
    }

    /// <summary>A kept-alive connection closed by the server before it answered: the request is sent again on a new one.</summary>
    private sealed class StaleConnectionException : Exception
    {
    }
}
