using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AfirGen.PerfGate.Reliability.Tests;

/// <summary>
/// A loopback HTTP endpoint that answers "ok" to everything. HttpListener rather than Kestrel: ASP.NET Core's shared
/// framework beside the tests would shadow the packages the tool (started from this folder) needs.
/// </summary>
internal sealed class OkServer : IDisposable
{
    private static readonly byte[] Ok = Encoding.ASCII.GetBytes("ok");
    private readonly HttpListener listener = new();
    private readonly Task loop;

    public OkServer()
    {
        Port = FreePort();
        Url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}");
        listener.Prefixes.Add(Url + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    /// <summary>The base URL, e.g. http://127.0.0.1:43123.</summary>
    public string Url { get; }

    public int Port { get; }

    /// <summary>A loopback port nothing listens on (at the moment it is asked for).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by its listener closing under it.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                try
                {
                    await Task.Delay(1); // keeps the in-process server from eating the generator's CPU on a 2-core machine
                    context.Response.ContentLength64 = Ok.Length;
                    await context.Response.OutputStream.WriteAsync(Ok);
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
                {
                    // The client went away (the tool was interrupted or killed).
                }
            });
        }
    }
}
