using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AfirGen.PerfGate.Load.Tests;

/// <summary>Accepts connections on 127.0.0.1; on each, reads requests and answers the next scripted response for each.</summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Func<int, int, byte[][]> script;
    private readonly bool bytewise;
    private readonly bool closeAfterScript;
    private readonly bool resetAfterScript;
    private readonly byte[]? thenForever;
    private readonly byte[]? unasked;
    private readonly TaskCompletionSource sendUnasked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource unaskedSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int unaskedTaken;
    private readonly Task accepting;
    private int connections;
    private long streamed;

    private ScriptedServer(Func<int, int, byte[][]> script, bool bytewise, bool closeAfterScript, bool resetAfterScript, byte[]? thenForever, byte[]? unasked)
    {
        this.unasked = unasked;
        this.script = script;
        this.bytewise = bytewise;
        this.closeAfterScript = closeAfterScript;
        this.resetAfterScript = resetAfterScript;
        this.thenForever = thenForever;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref connections);

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The bytes written of <c>thenForever</c> so far, over every connection.</summary>
    public long Streamed => Interlocked.Read(ref streamed);

    /// <summary>
    /// <paramref name="script"/> gives, for a connection number and its first request number, the responses it sends, one per
    /// request. After the script the connection waits, or is closed (<paramref name="closeAfterScript"/>), or reset with an
    /// RST (<paramref name="resetAfterScript"/>), or gets <paramref name="thenForever"/> written again and again without end.
    /// The first connection to finish its script sends <paramref name="unasked"/> when <see cref="SendUnaskedAsync"/> says so.
    /// </summary>
    public static ScriptedServer Start(Func<int, int, byte[][]> script, bool bytewise = false, bool closeAfterScript = false,
        bool resetAfterScript = false, byte[]? thenForever = null, byte[]? unasked = null) =>
        new(script, bytewise, closeAfterScript, resetAfterScript, thenForever, unasked);

    /// <summary>Has the <c>unasked</c> bytes written on the idle connection; returns once they are.</summary>
    public async Task SendUnaskedAsync()
    {
        sendUnasked.TrySetResult();
        await unaskedSent.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>One 64 KB chunk of a chunked body, size line to trailing CRLF, for <c>thenForever</c>.</summary>
    public static byte[] Chunk64K() => [.. "10000\r\n"u8, .. Enumerable.Repeat((byte)'x', 0x10000), .. "\r\n"u8];

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            var number = Interlocked.Increment(ref connections) - 1;
            _ = ServeAsync(client, script(number, 0));
        }
    }

    private async Task ServeAsync(TcpClient client, byte[][] responses)
    {
        using (client)
        {
            var stream = client.GetStream();
            var received = new List<byte>();
            var buffer = new byte[4096];
            try
            {
                foreach (var response in responses)
                {
                    Requests.Enqueue(await ReadRequestAsync(stream, received, buffer));
                    if (bytewise)
                    {
                        foreach (var b in response)
                        {
                            // A pause after each byte, so the client really receives them one read at a time.
                            await stream.WriteAsync(new[] { b }, stop.Token);
                            await stream.FlushAsync(stop.Token);
                            await Task.Delay(1, stop.Token);
                        }
                    }
                    else
                    {
                        await stream.WriteAsync(response, stop.Token);
                    }
                }

                if (unasked is not null && Interlocked.Exchange(ref unaskedTaken, 1) == 0)
                {
                    await sendUnasked.Task.WaitAsync(stop.Token);
                    await stream.WriteAsync(unasked, stop.Token);
                    unaskedSent.TrySetResult();
                }

                if (thenForever is not null)
                {
                    while (true)
                    {
                        await stream.WriteAsync(thenForever, stop.Token);
                        Interlocked.Add(ref streamed, thenForever.Length);
                    }
                }

                if (resetAfterScript)
                {
                    // Closed with a zero linger and no shutdown first (the stream's dispose sends a FIN): an RST, as a
                    // crashed server's kernel sends.
                    client.Client.Close(0);
                }
                else if (!closeAfterScript)
                {
                    // Keep the connection open, answering nothing more, until the test ends.
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
            }
        }
    }

    private async Task<string> ReadRequestAsync(NetworkStream stream, List<byte> received, byte[] buffer)
    {
        while (true)
        {
            var text = Encoding.UTF8.GetString([.. received]);
            var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headEnd >= 0)
            {
                var length = text[..headEnd].Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
                var headBytes = Encoding.UTF8.GetByteCount(text[..(headEnd + 4)]);
                if (received.Count >= headBytes + length)
                {
                    var request = Encoding.UTF8.GetString([.. received.Take(headBytes + length)]);
                    received.RemoveRange(0, headBytes + length);
                    return request;
                }
            }

            var read = await stream.ReadAsync(buffer, stop.Token);
            if (read == 0)
            {
                throw new IOException("client closed");
            }

            received.AddRange(buffer.AsSpan(0, read));
        }
    }
}
