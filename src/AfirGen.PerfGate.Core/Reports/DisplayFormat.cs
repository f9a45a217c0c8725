using System.Globalization;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Thresholds;

namespace AfirGen.PerfGate.Reports;

/// <summary>How every report writes numbers: invariant culture always, so a decimal comma never appears.</summary>
public static class DisplayFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A time in nanoseconds with the largest unit that keeps it at least 1, to four significant digits: "45.23ms", "812.4ns".</summary>
    public static string Time(double nanoseconds)
    {
        if (!double.IsFinite(nanoseconds))
        {
            return "n/a";
        }

        var abs = Math.Abs(nanoseconds);
        var (value, unit) = abs switch
        {
            >= 1e9 => (nanoseconds / 1e9, "s"),
            >= 1e6 => (nanoseconds / 1e6, "ms"),
            >= 1e3 => (nanoseconds / 1e3, "μs"),
            _ => (nanoseconds, "ns"),
        };
        return FourDigits(value) + unit;
    }

    /// <summary>A byte count in B, KB or MB (1024-based): "512B", "1.25KB", "3.40MB".</summary>
    public static string Bytes(double bytes)
    {
        if (!double.IsFinite(bytes))
        {
            return "n/a";
        }

        var abs = Math.Abs(bytes);
        return abs switch
        {
            >= 1024 * 1024 => (bytes / (1024 * 1024)).ToString("0.00", Invariant) + "MB",
            >= 1024 => (bytes / 1024).ToString("0.00", Invariant) + "KB",
            _ => bytes.ToString("0", Invariant) + "B",
        };
    }

    /// <summary>A ratio (current over baseline) as a signed percent change with one decimal: 1.082 is "+8.2%".</summary>
    public static string Change(double ratio) => double.IsFinite(ratio) ? SignedPercent((ratio - 1) * 100) : "n/a";

    /// <summary>A ratio with its confidence interval when known: "+8.2% [+3.1%, +13.6%]".</summary>
    public static string ChangeWithCi(double ratio, double? lower, double? upper) => (lower, upper) switch
    {
        // Too few launches for the interval to exist at the suite's confidence: say so rather than print -100%.
        ({ } lo, { } hi) when lo <= 0 || !double.IsFinite(hi) => $"{Change(ratio)} [unbounded]",
        ({ } lo, { } hi) => $"{Change(ratio)} [{Change(lo)}, {Change(hi)}]",
        _ => Change(ratio),
    };

    /// <summary>A fraction as a percent with one decimal: 0.92 is "92.0%".</summary>
    public static string Percent(double fraction) =>
        double.IsFinite(fraction) ? (fraction * 100).ToString("0.0", Invariant) + "%" : "n/a";

    /// <summary>A confidence level with up to two decimals, since adjusted levels sit close to 100%: 0.9986 is "99.86%".</summary>
    public static string Confidence(double level) =>
        double.IsFinite(level) ? (level * 100).ToString("0.##", Invariant) + "%" : "n/a";

    /// <summary>A p-value: "p=0.0031", "p=0.42", or "p&lt;0.0001" when it is tiny.</summary>
    public static string PValue(double p) => p switch
    {
        double.NaN => "p=n/a",
        < 0.0001 => "p<0.0001",
        < 0.01 => "p=" + p.ToString("0.0000", Invariant),
        _ => "p=" + p.ToString("0.00", Invariant),
    };

    /// <summary>Operations per second: "1234.5/s".</summary>
    public static string Rate(double perSecond) =>
        double.IsFinite(perSecond) ? perSecond.ToString("0.0", Invariant) + "/s" : "n/a";

    /// <summary>A plain number with up to three decimals.</summary>
    public static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("0.###", Invariant) : "n/a";

    /// <summary>An integer count.</summary>
    public static string Count(long value) => value.ToString(Invariant);

    /// <summary>A timestamp in ISO 8601 UTC to the second: "2024-01-15T10:30:00Z".</summary>
    public static string Timestamp(DateTimeOffset when) =>
        when.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant);

    /// <summary>A value of a compared metric in its unit.</summary>
    public static string MetricValue(ComparedMetric metric, double value) => metric switch
    {
        ComparedMetric.Allocated => Bytes(value),
        ComparedMetric.Throughput => Rate(value),
        _ => Time(value),
    };

    /// <summary>A value in the base unit of a threshold's metric.</summary>
    public static string ThresholdValue(ThresholdMetric metric, double value) => metric switch
    {
        ThresholdMetric.Allocated => Bytes(value),
        ThresholdMetric.Throughput => Rate(value),
        ThresholdMetric.Errors or ThresholdMetric.HitRate or ThresholdMetric.Improvement or ThresholdMetric.Regression => Percent(value),
        _ => Time(value),
    };

    internal static string SignedPercent(double percent)
    {
        var text = Math.Abs(percent).ToString("0.0", Invariant);
        // "-0.0%" reads like a change; a rounded zero is shown as "+0.0%".
        return (percent < 0 && text != "0.0" ? "-" : "+") + text + "%";
    }

    private static string FourDigits(double value)
    {
        var abs = Math.Abs(value);
        var format = abs switch
        {
            >= 100 => "0.0",
            >= 10 => "0.00",
            _ => "0.000",
        };
        return value.ToString(format, Invariant);
    }
}
