using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AfirGen.PerfGate.Load.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 with a free port: the endpoints the HTTP tests load.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestServer(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    /// <summary>The base URL, e.g. http://127.0.0.1:43123.</summary>
    public string Url { get; }

    /// <summary>How often each FIR id was asked for.</summary>
    public ConcurrentDictionary<string, int> SeenIds { get; } = new();

    private long counted;

    /// <summary>Requests that arrived over HTTP/2.</summary>
    public int Http2Requests => http2;

    private int http2;

    public static async Task<TestServer> StartAsync(bool https = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        using var certificate = https ? SelfSigned() : null;
        var pfx = certificate?.Export(X509ContentType.Pfx);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            if (pfx is not null)
            {
                listen.UseHttps(X509CertificateLoader.LoadPkcs12(pfx, null));
            }
        }));
        var app = builder.Build();
        TestServer? server = null;
        app.Use(async (context, next) =>
        {
            if (context.Request.Protocol == "HTTP/2")
            {
                Interlocked.Increment(ref server!.http2);
            }

            await next(context);
        });
        // A short wait per request keeps the in-process server from eating the generator's CPU on a 2-core machine.
        app.MapGet("/ok", async () => { await Task.Delay(1); return "ok"; });
        app.MapGet("/fir/{id}", (string id) => { server!.SeenIds.AddOrUpdate(id, 1, (_, n) => n + 1); return Results.Text($"{{\"fir\":\"{id}\"}}", "application/json"); });
        app.MapGet("/slow/{ms:int}", async (int ms) => { await Task.Delay(ms); return "slow"; });
        app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
        // Every n-th request fails: some errors, not all, so a scenario is measured and its error rate checked.
        app.MapGet("/every/{n:int}/fails", (int n) => Interlocked.Increment(ref server!.counted) % n == 0 ? Results.StatusCode(500) : Results.Text("ok"));
        app.MapPost("/echo", async (HttpRequest request) => Results.Text(await new StreamReader(request.Body).ReadToEndAsync()));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new TestServer(app, address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    /// <summary>Stops the server: from now on, connections are refused.</summary>
    public Task StopAsync() => app.StopAsync();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
    }
}
