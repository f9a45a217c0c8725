using AfirGen.PerfGate.Load.Engine;

namespace AfirGen.PerfGate.Load.Tests;

/// <summary>The raw HTTP/1.1 client's body check (<c>expect.body</c>), made on the body as it streams past.</summary>
public sealed class Http1WorkerBodyCheckTests
{
    [Fact]
    public async Task TheBodyCheckIsMadeOnTheBodyAsItStreamsInEveryFraming()
    {
        byte[][] answers =
        [
            "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"fir\":\"7\"}"u8.ToArray(),
            // The text split across two chunks, with an extension and a trailer around it.
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\n{\"fir\r\n6\r\n\":\"7\"}\r\n0\r\nT: t\r\n\r\n"u8.ToArray(),
            "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"fir\":\"8\"}"u8.ToArray(),
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"fir\r\n6\r\n\":\"8\"}\r\n0\r\n\r\n"u8.ToArray(),
            "HTTP/1.1 500 Oops\r\nContent-Length: 11\r\n\r\n{\"fir\":\"7\"}"u8.ToArray(),
            "HTTP/1.1 500 Oops\r\nContent-Length: 4\r\n\r\nnope"u8.ToArray(),
            "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"u8.ToArray(),
        ];
        await using var server = ScriptedServer.Start((_, _) => answers);
        await using var worker = await Http1WorkerTests.WorkerAsync(server, "/", expectBody: "\"fir\":\"7\"");

        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(OperationOutcome.Failed(ErrorClass.Check), await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(OperationOutcome.Failed(ErrorClass.Check), await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(OperationOutcome.Failed(ErrorClass.HttpStatus), await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(OperationOutcome.Failed(ErrorClass.HttpStatus), await worker.ExecuteAsync(CancellationToken.None));
        // The text of an earlier body does not count for the next one.
        Assert.Equal(OperationOutcome.Failed(ErrorClass.Check), await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task TheBodyCheckFindsTextArrivingAByteAtATimeAndInABodyThatRunsToTheClose()
    {
        var chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nthe\r\n6\r\n fir t\r\n4\r\nree.\r\n0\r\n\r\n"u8.ToArray();
        var toTheEnd = "HTTP/1.1 200 OK\r\n\r\nthe fir tree"u8.ToArray();
        await using var server = ScriptedServer.Start((connection, _) => connection == 0 ? [chunked, Http1WorkerTests.Ok] : [toTheEnd], bytewise: true, closeAfterScript: true);
        await using var worker = await Http1WorkerTests.WorkerAsync(server, "/", expectBody: "fir tree");

        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(OperationOutcome.Failed(ErrorClass.Check), await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task ALargeBodyIsCheckedWithoutBeingHeld()
    {
        // 32 MB with the text at its very end, in 64 KB chunks.
        var chunks = Enumerable.Repeat(ScriptedServer.Chunk64K(), 512);
        byte[] answer = [.. "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"u8, .. chunks.SelectMany(c => c), .. "7\r\nthe end\r\n0\r\n\r\n"u8];
        await using var server = ScriptedServer.Start((_, _) => [answer]);
        await using var worker = await Http1WorkerTests.WorkerAsync(server, "/", expectBody: "the end", timeout: TimeSpan.FromMinutes(2));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        Assert.Equal(OperationOutcome.Success, await worker.ExecuteAsync(CancellationToken.None));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(allocated < answer.Length / 4, $"{allocated} bytes allocated to check a body of {answer.Length}");
    }

    [Fact]
    public async Task AnEndlessChunkedBodyWithABodyCheckEndsByTheTimeoutInBoundedMemory()
    {
        await using var server = ScriptedServer.Start((_, _) => ["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"u8.ToArray()],
            thenForever: ScriptedServer.Chunk64K());
        await using var worker = await Http1WorkerTests.WorkerAsync(server, "/", expectBody: "never sent", timeout: TimeSpan.FromMilliseconds(300));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        Assert.Equal(OperationOutcome.Failed(ErrorClass.Timeout), await worker.ExecuteAsync(CancellationToken.None));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        // Held, the body would cost at least what was streamed; a slow machine streams less, and the bound says less.
        var streamed = server.Streamed;
        Assert.True(allocated < (streamed / 4) + (4 << 20), $"{allocated} bytes allocated while {streamed} were streamed");
    }
}
