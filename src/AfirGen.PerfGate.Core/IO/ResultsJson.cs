using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.IO;

/// <summary>Reads and writes perfgate's own results format, <c>perfgate/results@1</c>.</summary>
public static class ResultsJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // The same bytes on every OS, so results files diff cleanly and golden tests hold.
        NewLine = "\n",
        // A file, not HTML: keep ids like "Parse<T>" readable instead of \u003C-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="results"/> as indented UTF-8 JSON to <paramref name="stream"/>.</summary>
    public static void Write(ResultSet results, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        ResultsJsonWriter.Write(writer, results);
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Returns <paramref name="results"/> as indented JSON text.</summary>
    public static string Serialize(ResultSet results)
    {
        using var stream = new MemoryStream();
        Write(results, stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Reads and validates the results file at <paramref name="path"/>; bad input throws <see cref="InputException"/>.</summary>
    public static ResultSet Read(string path) => JsonSource.Read(path, ResultsJsonReader.Read);

    /// <summary>Parses and validates results JSON text; <paramref name="sourceName"/> names it in errors.</summary>
    public static ResultSet Parse(string json, string sourceName) => JsonSource.Parse(json, sourceName, ResultsJsonReader.Read);
}
