using System.Buffers.Text;
using System.Text;

namespace AfirGen.PerfGate.Load.Http;

/// <summary>What an HTTP/1.x response head says about the body that follows and about the connection.</summary>
internal readonly record struct Http1ResponseHead(int Status, long? ContentLength, bool Chunked, bool Close)
{
    /// <summary>Parses a head: the status line and the header lines, up to and including the blank line.</summary>
    public static Http1ResponseHead Parse(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf("\r\n"u8);
        var statusLine = lineEnd < 0 ? head : head[..lineEnd];
        // "HTTP/1.1 200 OK": the version, one space, three digits, then a space or nothing.
        if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8) || statusLine[8] != ' '
            || !IsDigit(statusLine[9]) || !IsDigit(statusLine[10]) || !IsDigit(statusLine[11])
            || (statusLine.Length > 12 && statusLine[12] != ' '))
        {
            throw new Http1ProtocolException("the answer does not start with an HTTP/1.x status line");
        }

        var status = ((statusLine[9] - '0') * 100) + ((statusLine[10] - '0') * 10) + (statusLine[11] - '0');
        // HTTP/1.0 closes after each response unless it says otherwise; HTTP/1.1 keeps the connection unless it says otherwise.
        var close = statusLine[7] == '0';
        long? length = null;
        var chunked = false;
        var rest = head[(lineEnd + 2)..];
        while (true)
        {
            var end = rest.IndexOf("\r\n"u8);
            if (end <= 0)
            {
                break; // the blank line that ends the head
            }

            var line = rest[..end];
            rest = rest[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                throw new Http1ProtocolException("a header line has no name");
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out long parsed, out var used) || used != value.Length || parsed < 0 || (length is { } seen && seen != parsed))
                {
                    throw new Http1ProtocolException("the Content-Length header is not one whole number");
                }

                length = parsed;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                // Chunked is the last coding when present; any other framing reads to the end of the connection.
                chunked = EndsWithToken(value, "chunked"u8);
                close |= !chunked;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                if (HasToken(value, "close"u8))
                {
                    close = true;
                }
                else if (HasToken(value, "keep-alive"u8))
                {
                    close = false;
                }
            }
        }

        // With chunked framing a Content-Length, if any, is ignored (RFC 9112, 6.3).
        return new Http1ResponseHead(status, chunked ? null : length, chunked, close);
    }

    /// <summary>The size at the start of a chunk-size line, in hexadecimal, before any extension.</summary>
    public static long ChunkSize(ReadOnlyMemory<byte> line)
    {
        var span = line.Span;
        var semicolon = span.IndexOf((byte)';');
        var digits = (semicolon >= 0 ? span[..semicolon] : span).Trim(" \t"u8);
        // Leading zeros are allowed; any size up to long.MaxValue is counted, so a chunk over 2 GB is not refused.
        var significant = digits.TrimStart((byte)'0');
        if (digits.IsEmpty)
        {
            throw new Http1ProtocolException("a chunk of the body does not start with its size");
        }

        if (significant.IsEmpty)
        {
            return 0;
        }

        if (significant.Length > 16 || !Utf8Parser.TryParse(significant, out ulong size, out var used, 'x') || used != significant.Length || size > long.MaxValue)
        {
            throw new Http1ProtocolException("a chunk of the body does not start with its size");
        }

        return (long)size;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static bool HasToken(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        foreach (var range in value.Split((byte)','))
        {
            if (Ascii.EqualsIgnoreCase(value[range].Trim(" \t"u8), token))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithToken(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        var comma = value.LastIndexOf((byte)',');
        return Ascii.EqualsIgnoreCase(value[(comma + 1)..].Trim(" \t"u8), token);
    }
}
