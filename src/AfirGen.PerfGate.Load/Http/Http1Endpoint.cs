using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace AfirGen.PerfGate.Load.Http;

/// <summary>
/// Where every worker of a level connects: the host resolved once, its addresses tried in order as HttpClient does
/// ("localhost" is often ::1 first while the server listens on 127.0.0.1 only), the one that answered tried first after.
/// </summary>
internal sealed class Http1Endpoint(IPAddress[] addresses, int port, string authority)
{
    private int preferred;

    /// <summary>The Host header's value: host, and the port unless it is the scheme's default.</summary>
    public string Authority { get; } = authority;

    public static async Task<Http1Endpoint> ResolveAsync(Uri uri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        // DnsSafeHost drops an IPv6 literal's brackets; a name is looked up in its IDN (punycode) form.
        var addresses = IPAddress.TryParse(uri.DnsSafeHost, out var literal) ? [literal]
            : await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken).ConfigureAwait(false);
        return addresses.Length > 0 ? new Http1Endpoint(addresses, uri.Port, uri.Authority)
            : throw new SocketException((int)SocketError.HostNotFound);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        var first = Volatile.Read(ref preferred);
        for (var i = 0; ; i++)
        {
            var index = (first + i) % addresses.Length;
            var socket = new Socket(addresses[index].AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(addresses[index], port), cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref preferred, index);
                return socket;
            }
            catch (SocketException) when (i + 1 < addresses.Length)
            {
                socket.Dispose();
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }
}
