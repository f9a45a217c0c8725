using HdrHistogram;
using HdrHistogram.Utilities;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Load.Engine;

/// <summary>Latency histograms in nanoseconds: how they are made, summarised, and kept in results.json (compressed, base64).</summary>
public static class HistogramCodec
{
    /// <summary>The longest latency recorded, in nanoseconds (one hour); longer values are clamped to it.</summary>
    public const long HighestTrackable = 3_600_000_000_000;

    /// <summary>A new empty histogram with three significant digits.</summary>
    public static LongHistogram Create() => new(HighestTrackable, 3);

    /// <summary>Records one latency in nanoseconds, clamped to the trackable range.</summary>
    public static void Record(LongHistogram histogram, long nanoseconds)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        histogram.RecordValue(Math.Clamp(nanoseconds, 1, HighestTrackable));
    }

    /// <summary>The summary users read, or null when nothing was recorded.</summary>
    public static LatencySummary? Summarize(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.TotalCount == 0)
        {
            return null;
        }

        var min = histogram.RecordedValues().First().ValueIteratedTo;
        return new LatencySummary
        {
            Count = histogram.TotalCount,
            Min = histogram.LowestEquivalentValue(min),
            Max = histogram.GetMaxValue(),
            Mean = histogram.GetMean(),
            StdDev = histogram.GetStdDeviation(),
            P50 = histogram.GetValueAtPercentile(50),
            P90 = histogram.GetValueAtPercentile(90),
            P95 = histogram.GetValueAtPercentile(95),
            P99 = histogram.GetValueAtPercentile(99),
            P999 = histogram.GetValueAtPercentile(99.9),
        };
    }

    /// <summary>The compressed encoding in base64.</summary>
    public static string Encode(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var buffer = ByteBuffer.Allocate(histogram.GetNeededByteBufferCapacity());
        var length = histogram.EncodeIntoCompressedByteBuffer(buffer);
        // ByteBuffer copies on the way in and has no way out but Get(): read the encoded bytes back one by one.
        buffer.Position = 0;
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = buffer.Get();
        }

        return Convert.ToBase64String(bytes);
    }

    /// <summary>Reads a histogram back from <see cref="Encode"/>'s output.</summary>
    public static HistogramBase Decode(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        return HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(bytes), 0);
    }
}
