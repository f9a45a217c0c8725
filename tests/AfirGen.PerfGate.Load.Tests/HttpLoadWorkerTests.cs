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

    private static HttpRequestShape Shape(string url, string? expectBody = null, IReadOnlyList<int>? expectStatus = null) =>
        new(new HttpScenarioDefinition { Name = "t", Url = url, ExpectBodyContains = expectBody, ExpectStatus = expectStatus ?? [] });

    private static HttpLoadWorker Worker(ScriptedServer server, HttpClient client, string? expectBody = null, IReadOnlyList<int>? expectStatus = null,
        TimeSpan? timeout = null) =>
        new(Shape($"http://127.0.0.1:{server.Port}/", expectBody, expectStatus), client, new Random(1), timeout ?? TimeSpan.FromSeconds(5));
}
