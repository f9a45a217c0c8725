using AfirGen.PerfGate.Config.Scenarios;
using AfirGen.PerfGate.Load.Engine;
using AfirGen.PerfGate.Load.Http;

namespace AfirGen.PerfGate.Load.Tests;

/// <summary>The HttpClient worker (https and HTTP/2 in real runs) over HTTP/1.1 against the scripted server: the same classes as the raw client.</summary>
public sealed class HttpLoadWorkerTests
{
    [Fact]
    public async Task HttpClientFailuresAreClassedAsTheRawClientClassesThem()
    {
        (byte[] Answer, ErrorClass Error)[] cases =
        [
            ("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello"u8.ToArray(), ErrorClass.Truncated),
            ("HTTP/1.1 200 OK\r\nContent-"u8.ToArray(), ErrorClass.Truncated),
            ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\na\r\nhello"u8.ToArray(), ErrorClass.Truncated),
            ("SSH-2.0-OpenSSH_9.2\r\n\r\n"u8.ToArray(), ErrorClass.Protocol),
            ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"u8.ToArray(), ErrorClass.Protocol),
        ];
        await using var server = ScriptedServer.Start((connection, _) => [cases[connection].Answer], closeAfterScript: true);
        using var client = LoadHttpClient.Create(1, Timeout.InfiniteTimeSpan, "1.1", insecure: false);
        await using var worker = Worker(server, client);

        foreach (var (answer, error) in cases)
        {
            Assert.Equal((System.Text.Encoding.ASCII.GetString(answer), OperationOutcome.Failed(error)),
                (System.Text.Encoding.ASCII.GetString(answer), await worker.ExecuteAsync(CancellationToken.None)));
        }
    }

    [Fact]
    public async Task HttpClientSeesAResetMidBodyAsAResetAndNoListenerAsAConnectError()
    {
        await using (var server = ScriptedServer.Start((_, _) => ["HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npart of it"u8.ToArray()], resetAfterScript: true))
        {
            using var client = LoadHttpClient.Create(1, Timeout.InfiniteTimeSpan, "1.1", insecure: false);
            await using var worker = Worker(server, client);
            Assert.Equal(OperationOutcome.Failed(ErrorClass.Reset), await worker.ExecuteAsync(CancellationToken.None));
        }

        var closed = ScriptedServer.Start((_, _) => []);
        var port = closed.Port;
        await closed.DisposeAsync();
        using var refusedClient = LoadHttpClient.Create(1, Timeout.InfiniteTimeSpan, "1.1", insecure: false);
        await using var refused = new HttpLoadWorker(Shape($"http://127.0.0.1:{port}/"), refusedClient, new Random(1), TimeSpan.FromSeconds(5));
        Assert.Equal(OperationOutcome.Failed(ErrorClass.Connect), await refused.ExecuteAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheBodyCheckLooksAtTheStreamedBytesAndAWrongStatusIsStillAStatusError()
    {
        byte[][] answers =
        [
            "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"fir\":\"7\"}"u8.ToArray(),
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"fir\r\n6\r\n\":\"7\"}\r\n0\r\n\r\n"u8.ToArray(),
            "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"fir\":\"8\"}"u8.ToArray(),
            "HTTP/1.1 500 Oops\r\nContent-Length: 11\r\n\r\n{\"fir\":\"7\"}"u8.ToArray(),
            "HTTP/1.1 500 Oops\r\nContent-Length: 4\r\n\r\nnope"u8.ToArray(),
        ];
        await using var server = ScriptedServer.Start((_, _) => answers);
        using var client = LoadHttpClient.Create(1, Timeout.InfiniteTimeSpan, "1.1", insecure: false);
        await using var worker = Worker(server, client, expectBody: "\"fir\":\"7\"");

        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(OperationOutcome.Failed(ErrorClass.Check), await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(OperationOutcome.Failed(ErrorClass.HttpStatus), await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(OperationOutcome.Failed(ErrorClass.HttpStatus), await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task ALargeBodyIsCheckedWithoutBeingHeld()
    {
        // 32 MB with the text at its very end: held as a string it would cost twice that in allocations.
        const int size = 32 * 1024 * 1024;
        var answer = new byte[size + 64];
        var head = "HTTP/1.1 200 OK\r\nContent-Length: 33554432\r\n\r\n"u8;
        head.CopyTo(answer);
        var body = answer.AsSpan(head.Length, size);
        body.Fill((byte)'x');
        "the end"u8.CopyTo(body[^7..]);
        answer = answer[..(head.Length + size)];
        await using var server = ScriptedServer.Start((_, _) => [answer]);
        using var client = LoadHttpClient.Create(1, Timeout.InfiniteTimeSpan, "1.1", insecure: false);
        await using var worker = Worker(server, client, expectBody: "the end", timeout: TimeSpan.FromMinutes(2));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(allocated < size / 4, $"{allocated} bytes allocated to check a body of {size}");
    }

    [Fact]
    public async Task AnEndlessBodyWithABodyCheckEndsByTheTimeout()
    {
        await using var server = ScriptedServer.Start((_, _) => ["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"u8.ToArray()],
            thenForever: ScriptedServer.Chunk64K());
        using var client = LoadHttpClient.Create(1, Timeout.InfiniteTimeSpan, "1.1", insecure: false);
        await using var worker = Worker(server, client, expectBody: "never sent", timeout: TimeSpan.FromMilliseconds(300));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        Assert.Equal(OperationOutcome.Failed(ErrorClass.Timeout), await worker.ExecuteAsync(CancellationToken.None));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        // Held, the body would cost at least what was streamed; a slow machine streams less, and the bound says less.
        var streamed = server.Streamed;
        Assert.True(allocated < (streamed / 4) + (4 << 20), $"{allocated} bytes allocated while {streamed} were streamed");
    }

    private static HttpRequestShape Shape(string url, string? expectBody = null, IReadOnlyList<int>? expectStatus = null) =>
        new(new HttpScenarioDefinition { Name = "t", Url = url, ExpectBodyContains = expectBody, ExpectStatus = expectStatus ?? [] });

    private static HttpLoadWorker Worker(ScriptedServer server, HttpClient client, string? expectBody = null, IReadOnlyList<int>? expectStatus = null,
        TimeSpan? timeout = null) =>
        new(Shape($"http://127.0.0.1:{server.Port}/", expectBody, expectStatus), client, new Random(1), timeout ?? TimeSpan.FromSeconds(5));
}
