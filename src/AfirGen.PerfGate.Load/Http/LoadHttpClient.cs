using System.Net;
using System.Net.Sockets;
using AfirGen.PerfGate.Load.Engine;

namespace AfirGen.PerfGate.Load.Http;

/// <summary>HttpClient set up for load: one pooled keep-alive connection per worker, no proxy, no cookies, no redirects, no decompression.</summary>
public static class LoadHttpClient
{
    /// <summary>A client for <paramref name="connections"/> concurrent workers speaking <paramref name="version"/> ("1.1" or "2").</summary>
    public static HttpClient Create(int connections, TimeSpan timeout, string version, bool insecure)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, connections),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = timeout == Timeout.InfiniteTimeSpan ? TimeSpan.FromSeconds(30) : timeout,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            EnableMultipleHttp2Connections = true,
        };
        if (insecure)
        {
#pragma warning disable CA5359 // The user asked for it ("insecure": true) to load a test server with a self-signed certificate.
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        return new HttpClient(handler, disposeHandler: true)
        {
            Timeout = timeout,
            DefaultRequestVersion = version == "2" ? HttpVersion.Version20 : HttpVersion.Version11,
            // Exactly the version asked for: HTTP/2 over plain http:// is then spoken with prior knowledge (h2c).
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    /// <summary>The error class of an exception from a send or a body read, or null when it is the caller's own cancellation.</summary>
    public static ErrorClass? Classify(Exception e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return e switch
        {
            // HttpClient.Timeout surfaces as a cancellation the caller did not ask for.
            OperationCanceledException or TimeoutException => ErrorClass.Timeout,
            HttpRequestException or IOException or SocketException => FromCauses(e),
            _ => null,
        };
    }

    /// <summary>
    /// The first cause in the chain that says what happened: HttpClient's own error kind (on a send, or on a body read
    /// as an HttpIOException), else the socket error beneath an IOException. Connect when none says more.
    /// </summary>
    private static ErrorClass FromCauses(Exception e)
    {
        for (var cause = e; cause is not null; cause = cause.InnerException)
        {
            var error = cause switch
            {
                HttpRequestException h => Of(h.HttpRequestError),
                HttpIOException h => Of(h.HttpRequestError),
                SocketException s => SocketFailures.Of(s),
                _ => null,
            };
            if (error is not null)
            {
                return error.Value;
            }
        }

        return ErrorClass.Connect;
    }

    private static ErrorClass? Of(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError
            or HttpRequestError.ProxyTunnelError => ErrorClass.Connect,
        HttpRequestError.ResponseEnded => ErrorClass.Truncated,
        HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError or HttpRequestError.ConfigurationLimitExceeded
            or HttpRequestError.VersionNegotiationError => ErrorClass.Protocol,
        _ => null, // Unknown: an inner exception may say more
    };

    /// <summary>Describes why a request before the run failed, for the one-line "target unreachable" message.</summary>
    public static string Reason(Exception e) => e switch
    {
        HttpRequestException { InnerException: SocketException s } => s.Message,
        HttpRequestException h => h.Message,
        OperationCanceledException => "no answer within the timeout",
        _ => e.Message,
    };
}
