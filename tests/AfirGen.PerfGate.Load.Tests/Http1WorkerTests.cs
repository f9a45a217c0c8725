using System.Net;
using System.Text;
using AfirGen.PerfGate.Config.Scenarios;
using AfirGen.PerfGate.Load.Engine;
using AfirGen.PerfGate.Load.Http;

namespace AfirGen.PerfGate.Load.Tests;

/// <summary>The raw HTTP/1.1 client against a loopback server that answers exactly the bytes each test scripts.</summary>
public sealed class Http1WorkerTests
{
    internal static readonly byte[] Ok = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"u8.ToArray();

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
    public async Task GarbageIsAProtocolErrorSilenceATimeoutAndNoListenerAConnectError()
    {
        await using (var garbage = ScriptedServer.Start((_, _) => ["SSH-2.0-OpenSSH_9.2\r\n\r\n"u8.ToArray()]))
        await using (var worker = await WorkerAsync(garbage, "/"))
        {
            Assert.Equal(OperationOutcome.Failed(ErrorClass.Protocol), await worker.ExecuteAsync(CancellationToken.None));
        }

        await using (var silent = ScriptedServer.Start((_, _) => []))
        await using (var worker = await WorkerAsync(silent, "/", timeout: TimeSpan.FromMilliseconds(300)))
        {
            Assert.Equal(OperationOutcome.Failed(ErrorClass.Timeout), await worker.ExecuteAsync(CancellationToken.None));
        }

        var closed = ScriptedServer.Start((_, _) => []);
        var port = closed.Port;
        await closed.DisposeAsync();
        var endpoint = await Http1Endpoint.ResolveAsync(new Uri($"http://127.0.0.1:{port}/"), CancellationToken.None);
        await using var refused = new Http1Worker(Shape($"http://127.0.0.1:{port}/"), endpoint, new Random(1), TimeSpan.FromSeconds(5));
        Assert.Equal(OperationOutcome.Failed(ErrorClass.Connect), await refused.ExecuteAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AResetInTheMiddleOfTheResponseIsAResetError()
    {
        await using var server = ScriptedServer.Start((_, _) => ["HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npart of it"u8.ToArray()], resetAfterScript: true);
        await using var worker = await WorkerAsync(server, "/");

        Assert.Equal(OperationOutcome.Failed(ErrorClass.Reset), await worker.ExecuteAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AConnectionClosedBeforeTheAnswerIsCompleteIsTruncated()
    {
        // Each connection gets one of these and is closed; the worker opens a new one after each failure.
        byte[][] cutOff =
        [
            "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello"u8.ToArray(),
            "HTTP/1.1 200 OK\r\nContent-"u8.ToArray(),
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\na\r\nhello"u8.ToArray(),
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"u8.ToArray(),
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Trailer: cut"u8.ToArray(),
        ];
        await using var server = ScriptedServer.Start((connection, _) => [cutOff[connection]], closeAfterScript: true);
        await using var worker = await WorkerAsync(server, "/");

        foreach (var _ in cutOff)
        {
            Assert.Equal(OperationOutcome.Failed(ErrorClass.Truncated), await worker.ExecuteAsync(CancellationToken.None));
        }

        Assert.Equal(cutOff.Length, server.Connections);
    }

    [Fact]
    public async Task AnAnswerThatBreaksHttp11IsAProtocolErrorAndItsConnectionIsNotReused()
    {
        byte[][] broken =
        [
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"u8.ToArray(),
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX\r\n0\r\n\r\n"u8.ToArray(),
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok"u8.ToArray(),
            Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nX-Big: {new string('x', 70 * 1024)}\r\nContent-Length: 0\r\n\r\n"),
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n"u8.ToArray(),
        ];
        // The server keeps each connection open: a second request on it would be answered with nothing.
        await using var server = ScriptedServer.Start((connection, _) => [broken[connection]]);
        await using var worker = await WorkerAsync(server, "/");

        foreach (var _ in broken)
        {
            Assert.Equal(OperationOutcome.Failed(ErrorClass.Protocol), await worker.ExecuteAsync(CancellationToken.None));
        }

        Assert.Equal(broken.Length, server.Connections);
    }

    [Fact]
    public void LengthsAndChunkSizesPast2GBAreCountedWithLongs()
    {
        Assert.Equal(3_000_000_000, Parse("HTTP/1.1 200 OK\r\nContent-Length: 3000000000\r\n\r\n").ContentLength);
        Assert.Equal(long.MaxValue, Parse($"HTTP/1.1 200 OK\r\nContent-Length: {long.MaxValue}\r\n\r\n").ContentLength);
        Assert.Equal(3_000_000_000, Http1ResponseHead.ChunkSize("B2D05E00"u8.ToArray()));
        Assert.Equal(long.MaxValue, Http1ResponseHead.ChunkSize("7fffffffffffffff"u8.ToArray()));
        Assert.Equal(10, Http1ResponseHead.ChunkSize("0000000000000000000a"u8.ToArray()));
        Assert.Equal(0, Http1ResponseHead.ChunkSize("0000000000000000000000"u8.ToArray()));
        Assert.Throws<Http1ProtocolException>(() => Http1ResponseHead.ChunkSize("8000000000000000"u8.ToArray()));
        Assert.Throws<Http1ProtocolException>(() => Http1ResponseHead.ChunkSize("10000000000000000"u8.ToArray()));
        Assert.Throws<Http1ProtocolException>(() => Parse("HTTP/1.1 200 OK\r\nContent-Length: 9223372036854775808\r\n\r\n"));
    }

    [Fact]
    public async Task ABodyPast2GBIsReadAsFarAsItGoesWithoutAnOverflow()
    {
        // 64 KB of a 3 GB body, then the close: the length was counted (truncated), not refused or wrapped round.
        var part = new byte[64 * 1024];
        byte[][] huge =
        [
            [.. "HTTP/1.1 200 OK\r\nContent-Length: 3000000000\r\n\r\n"u8, .. part],
            [.. "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nB2D05E00\r\n"u8, .. part],
        ];
        await using var server = ScriptedServer.Start((connection, _) => [huge[connection]], closeAfterScript: true);
        await using var worker = await WorkerAsync(server, "/");

        Assert.Equal(OperationOutcome.Failed(ErrorClass.Truncated), await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(OperationOutcome.Failed(ErrorClass.Truncated), await worker.ExecuteAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ASecondAnswerToOneRequestIsAProtocolErrorNotTheNextRequestsAnswer()
    {
        // Two answers to the first request in one write: the second one is already read when the next request comes.
        var twice = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfreshHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nstale"u8.ToArray();
        var fresh = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfresh"u8.ToArray();
        await using var server = ScriptedServer.Start((connection, _) => connection == 0 ? [twice, fresh] : [fresh]);
        await using var worker = await WorkerAsync(server, "/", expectBody: "fresh");

        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(OperationOutcome.Failed(ErrorClass.Protocol), await worker.ExecuteAsync(CancellationToken.None));
        // The connection was closed, not reused: the next request goes on a new one and gets its own answer.
        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(2, server.Connections);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task AnAnswerArrivingOnTheIdleConnectionIsAProtocolErrorAndTheRequestIsNotSentOnIt()
    {
        await using var server = ScriptedServer.Start((_, _) => [Ok], unasked: "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nstale"u8.ToArray());
        await using var worker = await WorkerAsync(server, "/", expectBody: "hello");

        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        await server.SendUnaskedAsync();
        // Loopback delivers within the write; the wait is only for a loaded machine's scheduler, not a measure of anything.
        await Task.Delay(200);
        Assert.Equal(OperationOutcome.Failed(ErrorClass.Protocol), await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(2, server.Connections);
        Assert.Equal(2, server.Requests.Count);
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
    public void OnlyPlainHttp11WithAFixedHostTakesTheRawClientWithABodyCheckOrWithout()
    {
        Assert.NotNull(Shape("http://127.0.0.1:1/a/{id}", variables: [Range("id", 1)]).Http1Url([1]));
        Assert.Equal("/", Shape("http://127.0.0.1:1").Http1Url([])!.PathAndQuery);
        Assert.Null(Shape("https://127.0.0.1:1/").Http1Url([]));
        Assert.Null(Shape("http://127.0.0.1:1/", version: "2").Http1Url([]));
        Assert.NotNull(Shape("http://127.0.0.1:1/", expectBody: "fir").Http1Url([]));
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

    internal static async Task<Http1Worker> WorkerAsync(ScriptedServer server, string path, string method = "GET", string? body = null,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null, IReadOnlyList<VariableDefinition>? variables = null,
        IReadOnlyList<int>? expectStatus = null, TimeSpan? timeout = null, string? expectBody = null)
    {
        var shape = Shape($"http://127.0.0.1:{server.Port}{path}", method, body, headers, variables, expectStatus, expectBody);
        var url = shape.Http1Url(shape.Variables.First())!;
        return new Http1Worker(shape, await Http1Endpoint.ResolveAsync(url, CancellationToken.None), new Random(1), timeout ?? TimeSpan.FromSeconds(5));
    }
}
