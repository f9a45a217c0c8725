using System.Text.Json;

namespace AfirGen.PerfGate.IO;

/// <summary>Streaming for the JSON files perfgate writes item by item.</summary>
internal static class JsonWriterFlush
{
    /// <summary>
    /// Hands what is written so far to the stream once it passes 64 KB. A writer over a stream keeps everything until it
    /// is flushed: without this a 10,000-benchmark file was built in memory, in a buffer doubling up to its whole size.
    /// </summary>
    public static void FlushIfFull(this Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= 1 << 16)
        {
            writer.Flush();
        }
    }
}
