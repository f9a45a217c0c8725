using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace AfirGen.PerfGate.IO;

/// <summary>Opens a JSON file as a document, turning every way it can be unreadable into an <see cref="InputException"/>.</summary>
internal static class JsonSource
{
    /// <summary>The deepest nesting accepted; deeper input is rejected rather than risking a stack overflow downstream.</summary>
    public const int MaxDepth = 64;

    /// <summary>Files perfgate and BenchmarkDotNet write: plain JSON only.</summary>
    public static readonly JsonDocumentOptions Strict = new()
    {
        MaxDepth = MaxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        // A key given twice would silently lose one of its values.
        AllowDuplicateProperties = false,
    };

    /// <summary>Files people edit by hand (perfgate.json): comments and trailing commas are allowed, a key given twice still is not.</summary>
    public static readonly JsonDocumentOptions HandEdited = Strict with
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads and parses the file at <paramref name="path"/>.</summary>
    public static JsonDocument Open(string path)
    {
        var bytes = ReadBytes(path);
        return Parse(bytes, path);
    }

    /// <summary>Reads the file at <paramref name="path"/> and maps its root with <paramref name="read"/>.</summary>
    public static T Read<T>(string path, Func<JsonCursor, T> read)
    {
        using var document = Open(path);
        return read(JsonCursor.Root(document, path));
    }

    /// <summary>Parses JSON text named <paramref name="file"/> and maps its root with <paramref name="read"/>.</summary>
    public static T Parse<T>(string json, string file, Func<JsonCursor, T> read)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        using var document = Parse(json, file);
        return read(JsonCursor.Root(document, file));
    }

    /// <summary>Reads a file's bytes, reporting a missing file, a directory or an unreadable file as bad input.</summary>
    public static byte[] ReadBytes(string path) => InputFile.ReadBytes(path);

    /// <summary>Parses UTF-8 bytes (an optional byte order mark is skipped).</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, string file) => Parse(utf8, file, Strict);

    /// <summary>Parses UTF-8 bytes with the given <paramref name="options"/> (an optional byte order mark is skipped).</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, string file, JsonDocumentOptions options)
    {
        var span = utf8.Span;
        var start = span.StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var body = utf8[start..];
        if (IsBlank(body.Span))
        {
            throw new InputException(file, null, "file is empty, expected a JSON object");
        }

        var invalidAt = FirstInvalidUtf8(body.Span);
        if (invalidAt >= 0)
        {
            throw new InputException(file, null, string.Create(CultureInfo.InvariantCulture, $"invalid UTF-8 at byte {invalidAt + start}"));
        }

        RejectLoneSurrogates(body.Span, file, options);
        return Guard(file, () => JsonDocument.Parse(body, options), () => body, options);
    }

    /// <summary>Parses JSON text already decoded to a string.</summary>
    public static JsonDocument Parse(string json, string file)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new InputException(file, null, "file is empty, expected a JSON object");
        }

        try
        {
            if (json.Contains("\\u", StringComparison.Ordinal))
            {
                RejectLoneSurrogates(Encoding.UTF8.GetBytes(json), file, Strict);
            }

            return Guard(file, () => JsonDocument.Parse(json, Strict), () => Encoding.UTF8.GetBytes(json), Strict);
        }
        catch (ArgumentException e)
        {
            // Text decoded by the caller can still hold a lone surrogate, which has no UTF-8 form.
            throw new InputException(file, null, "invalid text: contains a lone UTF-16 surrogate", e);
        }
    }

    // A string escape of half a surrogate pair parses, then throws from every read of the string: it is refused here, by path.
    private static void RejectLoneSurrogates(ReadOnlySpan<byte> utf8, string file, JsonDocumentOptions options)
    {
        if (JsonErrorLocation.MayHoldLoneSurrogate(utf8) && JsonErrorLocation.Find(utf8, options) is { LoneSurrogate: true } lone)
        {
            throw new InputException(file, lone.Path, "a \\u escape holds half a UTF-16 surrogate pair, which is not text");
        }
    }

    private static JsonDocument Guard(string file, Func<JsonDocument> parse, Func<ReadOnlyMemory<byte>> source, JsonDocumentOptions options)
    {
        try
        {
            return parse();
        }
        catch (JsonException e)
        {
            var location = JsonErrorLocation.Find(source().Span, options);
            if (location is { DuplicateKey: true } duplicate)
            {
                throw new InputException(file, duplicate.Path, "this key is given twice in the same object; a value would be silently lost", e);
            }

            var problem = Describe(e);
            if (StartsNonFinite(source().Span, e))
            {
                // The reader only says "invalid start of a value"; users who wrote NaN deserve to be told why.
                problem += " (NaN and Infinity are not valid JSON numbers)";
            }

            throw new InputException(file, location?.Path ?? "$", problem, e);
        }
    }

    private static bool StartsNonFinite(ReadOnlySpan<byte> utf8, JsonException e)
    {
        if (e.LineNumber is not { } line || e.BytePositionInLine is not { } column)
        {
            return false;
        }

        for (var i = 0L; i < line; i++)
        {
            var newline = utf8.IndexOf((byte)'\n');
            if (newline < 0)
            {
                return false;
            }

            utf8 = utf8[(newline + 1)..];
        }

        // The reader points at the token, or just past the sign of "-Infinity".
        var at = (int)Math.Min(column, utf8.Length);
        var from = at > 0 && utf8[at - 1] is (byte)'-' or (byte)'+' ? utf8[(at - 1)..] : utf8[at..];
        from = from.TrimStart("-+"u8);
        return from.StartsWith("NaN"u8) || from.StartsWith("Infinity"u8);
    }

    private static string Describe(JsonException e)
    {
        // The reader's message ends with its own position; we restate it once, 1-based, in the user's terms.
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        var where = e.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {e.BytePositionInLine + 1})")
            : string.Empty;
        var depth = message.Contains("maximum configured depth", StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"nesting deeper than {MaxDepth} levels")
            : message.TrimEnd('.');
        return $"invalid JSON{where}: {depth}";
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept(" \t\r\n"u8) < 0;

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return -1;
        }

        var buffer = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            Utf8.ToUtf16(bytes, buffer, out var read, out _, replaceInvalidSequences: false);
            return read;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
