using System.Text;

namespace AfirGen.PerfGate.Load.Http;

/// <summary>
/// Looks for a body check's text in a body as it streams past, whatever the body's size: only the last
/// (text length - 1) bytes are kept from one read to the next, so a match split across reads or chunks is found and
/// an endless body costs no memory (it ends by the operation's timeout).
/// </summary>
internal sealed class BodyMatcher
{
    private readonly byte[] needle;

    // The kept tail, then room for as many bytes of the next read: a match across the boundary lies in here.
    private readonly byte[] window;
    private int kept;

    /// <summary>A matcher for the UTF-8 bytes of <paramref name="text"/>.</summary>
    public BodyMatcher(string text)
    {
        needle = Encoding.UTF8.GetBytes(text);
        window = new byte[2 * Math.Max(0, needle.Length - 1)];
        Found = needle.Length == 0;
    }

    /// <summary>Whether the text was in the bytes given since the last <see cref="Reset"/>.</summary>
    public bool Found { get; private set; }

    /// <summary>Starts over for the next body.</summary>
    public void Reset()
    {
        kept = 0;
        Found = needle.Length == 0;
    }

    /// <summary>The next bytes of the body.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (Found || bytes.IsEmpty)
        {
            return;
        }

        var keep = needle.Length - 1;
        var head = Math.Min(bytes.Length, keep);
        if (kept > 0)
        {
            bytes[..head].CopyTo(window.AsSpan(kept));
            if (window.AsSpan(0, kept + head).IndexOf(needle) >= 0)
            {
                Found = true;
                return;
            }
        }

        if (bytes.IndexOf(needle) >= 0)
        {
            Found = true;
            return;
        }

        if (bytes.Length >= keep)
        {
            bytes[^keep..].CopyTo(window);
            kept = keep;
            return;
        }

        // Fewer new bytes than the tail holds: the tail is what was kept followed by them, cut to its length.
        if (kept == 0)
        {
            bytes.CopyTo(window);
        }

        var total = kept + bytes.Length;
        var drop = Math.Max(0, total - keep);
        window.AsSpan(drop, total - drop).CopyTo(window);
        kept = total - drop;
    }
}
