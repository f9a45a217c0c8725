using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AfirGen.PerfGate.Config.Scenarios;
using AfirGen.PerfGate.Load.Engine;
using AfirGen.PerfGate.Load.Http;

namespace AfirGen.PerfGate.Load.Tests;

/// <summary>The raw HTTP/1.1 client against a loopback server that answers exactly the bytes each test scripts.</summary>
public sealed class Http1WorkerTests
{
    private static readonly byte[] Ok = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"u8.ToArray();

    [Fact]
    public void ResponseHeadsAreReadAsHttp11Says()
    {
        Assert.Equal(new Http1ResponseHead(200, 5, false, false), Parse("HTTP/1.1 200 OK\r\ncontent-length:  5 \r\n\r\n"));
        Assert.Equal(new Http1ResponseHead(404, null, true, false), Parse("HTTP/1.1 404 Not Found\r\nTransfer-Encoding: gzip, Chunked\r\nContent-Length: 9\r\n\r\n"));
        Assert.Equal(new Http1ResponseHead(204, null, false, true), Parse("HTTP/1.1 204\r\nConnection: keep-alive, Close\r\n\r\n"));
        Assert.Equal(new Http1ResponseHead(200, 0, false, true), Parse("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"));
        Assert.Equal(new Http1ResponseHead(200, 0, false, false), Parse("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n"));
        Assert.Equal(new Http1ResponseHead(200, null, false, true), Parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n"));
        foreach (var bad in new[]
        {
            "HTTP/2 200 OK\r\n\r\n", "HTTP/1.1 20 OK\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n", "SSH-2.0-OpenSSH\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 5x\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
        })
        {
            Assert.Throws<Http1ProtocolException>(() => Parse(bad));
        }

        Assert.Equal(0x1a2f, Http1ResponseHead.ChunkSize("1A2f;name=value"u8.ToArray()));
        Assert.Throws<Http1ProtocolException>(() => Http1ResponseHead.ChunkSize("zz"u8.ToArray()));
        Assert.Throws<Http1ProtocolException>(() => Http1ResponseHead.ChunkSize(""u8.ToArray()));
    }

    [Fact]
    public async Task KeptAliveConnectionCarriesEveryRequestAndTheRequestIsWhatHttpClientWouldSend()
    {
        await using var server = ScriptedServer.Start((_, _) => [Ok, Ok, Ok]);
        await using var worker = await WorkerAsync(server, "/fir/{id}?x=1", headers: [new("X-Trace", "t-{id}")], variables: [Range("id", 7)]);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        }

        Assert.Equal(1, server.Connections);
        Assert.Equal($"GET /fir/7?x=1 HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\nX-Trace: t-7\r\n\r\n", server.Requests.First());
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task PostSendsItsBodyWithTypeAndLength()
    {
        await using var server = ScriptedServer.Start((_, _) => [Ok]);
        await using var worker = await WorkerAsync(server, "/fir", method: "POST", body: "{\"n\":\"é\"}");

        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));

        Assert.Equal(
            $"POST /fir HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 10\r\n\r\n{{\"n\":\"é\"}}",
            server.Requests.Single());
    }

    [Fact]
    public async Task AHostHeaderOfTheScenarioReplacesTheUrlsAndFramingHeadersAreTheClients()
    {
        await using var server = ScriptedServer.Start((_, _) => [Ok]);
        await using var worker = await WorkerAsync(server, "/", method: "PUT", body: "x",
            headers: [new("host", "fir.example"), new("Content-Length", "99"), new("Transfer-Encoding", "chunked")]);

        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));

        Assert.Equal("PUT / HTTP/1.1\r\nhost: fir.example\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 1\r\n\r\nx", server.Requests.Single());
    }

    [Fact]
    public async Task ChunkedBodiesArrivingAByteAtATimeKeepTheFramingForTheNextRequest()
    {
        var chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n10\r\n0123456789abcdef\r\n0\r\nX-Trailer: t\r\n\r\n"u8.ToArray();
        await using var server = ScriptedServer.Start((_, _) => [chunked, Ok], bytewise: true);
        await using var worker = await WorkerAsync(server, "/");

        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task ConnectionCloseAndBodiesWithoutLengthOpenANewConnection()
    {
        var close = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"u8.ToArray();
        var toTheEnd = "HTTP/1.1 200 OK\r\n\r\nthe body runs to the end of the connection"u8.ToArray();
        await using var server = ScriptedServer.Start((connection, _) => connection == 0 ? [close] : [toTheEnd], closeAfterScript: true);
        await using var worker = await WorkerAsync(server, "/");

        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(3, server.Connections);
    }

    [Fact]
    public async Task AKeptAliveConnectionTheServerClosedIsTriedOnceMoreOnANewOne()
    {
        // The server answers one request per connection and closes without saying so, as an idle timeout does.
        await using var server = ScriptedServer.Start((_, _) => [Ok], closeAfterScript: true);
        await using var worker = await WorkerAsync(server, "/");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        }

        Assert.Equal(3, server.Connections);
    }

    [Fact]
    public async Task InterimAnswersAreSkippedAndStatusesAreCheckedAsConfigured()
    {
        var interim = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"u8.ToArray();
        var teapot = "HTTP/1.1 418 I'm a teapot\r\nContent-Length: 3\r\n\r\ntea"u8.ToArray();
        await using var server = ScriptedServer.Start((connection, _) => connection == 0 ? [interim, teapot] : [teapot]);
        await using var worker = await WorkerAsync(server, "/", expectStatus: [201, 418]);
        await using var strict = await WorkerAsync(server, "/");

        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(OperationOutcome.Failed(ErrorClass.HttpStatus), await strict.ExecuteAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GarbageIsAServerErrorSilenceATimeoutAndNoListenerAConnectError()
    {
        await using (var garbage = ScriptedServer.Start((_, _) => ["SSH-2.0-OpenSSH_9.2\r\n\r\n"u8.ToArray()]))
        await using (var worker = await WorkerAsync(garbage, "/"))
        {
            Assert.Equal(OperationOutcome.Failed(ErrorClass.Server), await worker.ExecuteAsync(CancellationToken.None));
        }

        await using (var silent = ScriptedServer.Start((_, _) => []))
        await using (var worker = await WorkerAsync(silent, "/", timeout: TimeSpan.FromMilliseconds(300)))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Assert.Equal(OperationOutcome.Failed(ErrorClass.Timeout), await worker.ExecuteAsync(CancellationToken.None));
            Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        }

        var closed = ScriptedServer.Start((_, _) => []);
        var port = closed.Port;
        await closed.DisposeAsync();
        var endpoint = await Http1Endpoint.ResolveAsync(new Uri($"http://127.0.0.1:{port}/"), CancellationToken.None);
        await using var refused = new Http1Worker(Shape($"http://127.0.0.1:{port}/"), endpoint, new Random(1), TimeSpan.FromSeconds(5));
        Assert.Equal(OperationOutcome.Failed(ErrorClass.Connect), await refused.ExecuteAsync(CancellationToken.None));
    }

    [Fact]
    public async Task EveryAddressOfTheHostIsTriedAsHttpClientDoes()
    {
        // The server listens on 127.0.0.1 only; the first address tried refuses, the next one answers.
        await using var server = ScriptedServer.Start((_, _) => [Ok, Ok]);
        var endpoint = new Http1Endpoint([IPAddress.IPv6Loopback, IPAddress.Loopback], server.Port, $"localhost:{server.Port}");
        await using var worker = new Http1Worker(Shape($"http://localhost:{server.Port}/"), endpoint, new Random(1), TimeSpan.FromSeconds(5));

        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal($"GET / HTTP/1.1\r\nHost: localhost:{server.Port}\r\n\r\n", server.Requests.Single());
        // An IPv6 literal is an address, not a name to look up, and keeps its brackets in the Host header.
        Assert.Equal("[::1]:81", (await Http1Endpoint.ResolveAsync(new Uri("http://[::1]:81/"), CancellationToken.None)).Authority);
    }

    [Fact]
    public async Task TheCallersCancellationIsNotCountedAsAnError()
    {
        await using var silent = ScriptedServer.Start((_, _) => []);
        await using var worker = await WorkerAsync(silent, "/");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await worker.ExecuteAsync(cancel.Token));
    }

    [Fact]
    public void OnlyPlainHttp11WithAFixedHostAndNoBodyCheckTakesTheRawClient()
    {
        Assert.NotNull(Shape("http://127.0.0.1:1/a/{id}", variables: [Range("id", 1)]).Http1Url([1]));
        Assert.Equal("/", Shape("http://127.0.0.1:1").Http1Url([])!.PathAndQuery);
        Assert.Null(Shape("https://127.0.0.1:1/").Http1Url([]));
        Assert.Null(Shape("http://127.0.0.1:1/", version: "2").Http1Url([]));
        Assert.Null(Shape("http://127.0.0.1:1/", expectBody: "fir").Http1Url([]));
        Assert.Null(Shape("{base}/x", variables: [new VariableDefinition { Name = "base", Values = ["http://127.0.0.1:1"] }]).Http1Url(["http://127.0.0.1:1"]));
        Assert.Null(Shape("http://{host}/", variables: [new VariableDefinition { Name = "host", Values = ["127.0.0.1:1"] }]).Http1Url(["127.0.0.1:1"]));
    }

    private static Http1ResponseHead Parse(string head) => Http1ResponseHead.Parse(Encoding.ASCII.GetBytes(head));

    private static VariableDefinition Range(string name, long value) => new() { Name = name, RangeMin = value, RangeMax = value };

    private static HttpRequestShape Shape(string url, string method = "GET", string? body = null, IReadOnlyList<KeyValuePair<string, string>>? headers = null,
        IReadOnlyList<VariableDefinition>? variables = null, IReadOnlyList<int>? expectStatus = null, string? expectBody = null, string version = "1.1") =>
        new(new HttpScenarioDefinition
        {
            Name = "t", Url = url, Method = method, Body = body, Headers = headers ?? [], Variables = variables ?? [],
            ExpectStatus = expectStatus ?? [], ExpectBodyContains = expectBody, HttpVersion = version,
        });

    private static async Task<Http1Worker> WorkerAsync(ScriptedServer server, string path, string method = "GET", string? body = null,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null, IReadOnlyList<VariableDefinition>? variables = null,
        IReadOnlyList<int>? expectStatus = null, TimeSpan? timeout = null)
    {
        var shape = Shape($"http://127.0.0.1:{server.Port}{path}", method, body, headers, variables, expectStatus);
        var url = shape.Http1Url(shape.Variables.First())!;
        return new Http1Worker(shape, await Http1Endpoint.ResolveAsync(url, CancellationToken.None), new Random(1), timeout ?? TimeSpan.FromSeconds(5));
    }

    /// <summary>Accepts connections on 127.0.0.1; on each, reads requests and answers the next scripted response for each.</summary>
    private sealed class ScriptedServer : IAsyncDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();
        private readonly Func<int, int, byte[][]> script;
        private readonly bool bytewise;
        private readonly bool closeAfterScript;
        private readonly Task accepting;
        private int connections;

        private ScriptedServer(Func<int, int, byte[][]> script, bool bytewise, bool closeAfterScript)
        {
            this.script = script;
            this.bytewise = bytewise;
            this.closeAfterScript = closeAfterScript;
            listener.Start();
            accepting = AcceptAsync();
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref connections);

        public ConcurrentQueue<string> Requests { get; } = new();

        /// <summary><paramref name="script"/> gives, for a connection number and its first request number, the responses it sends, one per request.</summary>
        public static ScriptedServer Start(Func<int, int, byte[][]> script, bool bytewise = false, bool closeAfterScript = false) =>
            new(script, bytewise, closeAfterScript);

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

                    if (!closeAfterScript)
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
}
