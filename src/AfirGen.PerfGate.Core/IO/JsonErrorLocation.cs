using System.Globalization;
using System.Text.Json;

namespace AfirGen.PerfGate.IO;

/// <summary>
/// Finds the JSON path where a document stops being valid. The document parser gives only a line and byte, and for a key
/// given twice not even that; this second pass runs only after the parser failed, so valid input never pays for it.
/// </summary>
internal static class JsonErrorLocation
{
    /// <summary>Where a document that failed to parse goes wrong.</summary>
    /// <param name="Path">The JSON path of the value (or key) being read when it went wrong.</param>
    /// <param name="DuplicateKey">Whether the problem is a key given twice in one object.</param>
    /// <param name="LoneSurrogate">Whether the problem is a string escape (<c>\ud800</c>) of half a UTF-16 surrogate pair, which no text can hold.</param>
    public readonly record struct Location(string Path, bool DuplicateKey, bool LoneSurrogate = false);

    /// <summary>Reads <paramref name="utf8"/> again to locate its first problem; null when this reader finds none.</summary>
    public static Location? Find(ReadOnlySpan<byte> utf8, JsonDocumentOptions options)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            AllowTrailingCommas = options.AllowTrailingCommas,
            CommentHandling = options.CommentHandling,
            MaxDepth = options.MaxDepth,
        });
        // One frame per open container: its path, and its keys so far (objects) or its next index (arrays).
        var frames = new Stack<Frame>();
        string? pending = null; // the path of the value after the key just read
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        frames.Push(new Frame(NextValue(frames, ref pending), new HashSet<string>(StringComparer.Ordinal)));
                        break;
                    case JsonTokenType.StartArray:
                        frames.Push(new Frame(NextValue(frames, ref pending), null));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        if (!TryGetString(ref reader, out var name))
                        {
                            return new Location(frame.Path, DuplicateKey: false, LoneSurrogate: true);
                        }

                        pending = JsonCursor.Child(frame.Path, name);
                        if (!frame.Keys!.Add(name))
                        {
                            return new Location(pending, DuplicateKey: true);
                        }

                        break;
                    case JsonTokenType.Comment:
                        break;
                    case JsonTokenType.String:
                        var at = NextValue(frames, ref pending);
                        if (!TryGetString(ref reader, out _))
                        {
                            return new Location(at, DuplicateKey: false, LoneSurrogate: true);
                        }

                        break;
                    default:
                        NextValue(frames, ref pending);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return new Location(Current(frames, pending), DuplicateKey: false);
        }

        return null;
    }

    /// <summary>
    /// Whether the bytes hold a <c>\uD800</c>–<c>\uDFFF</c> escape that is not one half of an escaped pair: only then can a
    /// string be half a surrogate pair. Writers escape every character beyond the BMP (an emoji in a name) as a pair, so a
    /// pair alone must not cost a second reading of the document.
    /// </summary>
    public static bool MayHoldLoneSurrogate(ReadOnlySpan<byte> utf8)
    {
        for (var i = utf8.IndexOf("\\u"u8); i >= 0; i = NextEscape(utf8, i))
        {
            var unit = Escaped(utf8, i);
            if (unit is >= 0xD800 and <= 0xDBFF && Escaped(utf8, i + 6) is >= 0xDC00 and <= 0xDFFF)
            {
                i += 6; // the pair's low half
            }
            else if (unit is >= 0xD800 and <= 0xDFFF)
            {
                return true;
            }
        }

        return false;
    }

    // The UTF-16 unit of the \uXXXX escape at i, or -1 when there is none.
    private static int Escaped(ReadOnlySpan<byte> utf8, int i) =>
        i + 6 <= utf8.Length && utf8[i] == (byte)'\\' && utf8[i + 1] == (byte)'u'
        && int.TryParse(utf8.Slice(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit)
            ? unit
            : -1;

    private static int NextEscape(ReadOnlySpan<byte> utf8, int i)
    {
        var next = utf8[(i + 2)..].IndexOf("\\u"u8);
        return next < 0 ? -1 : i + 2 + next;
    }

    private static bool TryGetString(ref Utf8JsonReader reader, out string value)
    {
        if (!reader.ValueIsEscaped)
        {
            value = reader.GetString()!;
            return true;
        }

        try
        {
            value = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            // The reader's own word for an escape that cannot be decoded to text.
            value = string.Empty;
            return false;
        }
    }

    // The path of the value the reader is at: after a key, that key's; in an array, the next item; else the container.
    private static string Current(Stack<Frame> frames, string? pending) =>
        pending ?? (frames.TryPeek(out var frame)
            ? frame.Keys is null ? string.Create(CultureInfo.InvariantCulture, $"{frame.Path}[{frame.Index}]") : frame.Path
            : "$");

    private static string NextValue(Stack<Frame> frames, ref string? pending)
    {
        var path = Current(frames, pending);
        pending = null;
        if (frames.TryPeek(out var frame) && frame.Keys is null)
        {
            frame.Index++;
        }

        return path;
    }

    private sealed class Frame(string path, HashSet<string>? keys)
    {
        public string Path { get; } = path;

        public HashSet<string>? Keys { get; } = keys;

        public int Index { get; set; }
    }
}
