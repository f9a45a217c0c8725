using System.Globalization;
using System.Text.Json;

namespace AfirGen.PerfGate.IO;

/// <summary>
/// Finds where a key is given twice. The document parser only says that one was, without a path or line; this second
/// pass runs only after that failure, so valid input never pays for it.
/// </summary>
internal static class JsonDuplicateKey
{
    /// <summary>The JSON path of the first key given twice in its object, or null when there is none.</summary>
    public static string? Find(ReadOnlySpan<byte> utf8, JsonDocumentOptions options)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            AllowTrailingCommas = options.AllowTrailingCommas,
            CommentHandling = options.CommentHandling,
            MaxDepth = options.MaxDepth,
        });
        // One frame per open container: its path, its keys so far (objects) or its next index (arrays).
        var frames = new Stack<(string Path, HashSet<string>? Keys, int Index)>();
        string? pending = null; // the path of the value about to be read
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        frames.Push((ValuePath(frames, ref pending), new HashSet<string>(StringComparer.Ordinal), 0));
                        break;
                    case JsonTokenType.StartArray:
                        frames.Push((ValuePath(frames, ref pending), null, 0));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var (path, keys, _) = frames.Peek();
                        var name = reader.GetString()!;
                        pending = JsonCursor.Child(path, name);
                        if (!keys!.Add(name))
                        {
                            return pending;
                        }

                        break;
                    default:
                        ValuePath(frames, ref pending);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Broken in some other way too; the parser's own message stands.
        }

        return null;
    }

    private static string ValuePath(Stack<(string Path, HashSet<string>? Keys, int Index)> frames, ref string? pending)
    {
        if (frames.Count == 0)
        {
            return "$";
        }

        var (path, keys, index) = frames.Peek();
        if (keys is not null)
        {
            var named = pending ?? path;
            pending = null;
            return named;
        }

        frames.Pop();
        frames.Push((path, null, index + 1));
        return string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");
    }
}
