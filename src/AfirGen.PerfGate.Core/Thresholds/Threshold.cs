using System.Globalization;
using System.Text.RegularExpressions;

namespace AfirGen.PerfGate.Thresholds;

/// <summary>A k6-like threshold expression such as <c>p95&lt;100ms</c>, <c>throughput&gt;=50/s</c> or <c>allocated&lt;=1KB</c>.</summary>
/// <param name="Metric">What is constrained.</param>
/// <param name="Operator">How.</param>
/// <param name="Value">The bound in the metric's base unit: nanoseconds, bytes, operations per second, or a fraction for percentages.</param>
/// <param name="Text">The expression as written, normalised (no spaces).</param>
public sealed partial record Threshold(ThresholdMetric Metric, ThresholdOperator Operator, double Value, string Text)
{
    /// <summary>Parses an expression; <paramref name="source"/> and <paramref name="field"/> name where it came from for the error line.</summary>
    /// <exception cref="InputException">The expression is not valid.</exception>
    public static Threshold Parse(string text, string source, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compact = text.Replace(" ", "", StringComparison.Ordinal);
        var match = Grammar().Match(compact);
        if (!match.Success)
        {
            throw new InputException(source, field, $"'{Shorten(text)}' is not a threshold; expected e.g. p95<100ms, throughput>=50/s, errors<1%, allocated<=1KB, regression<5%");
        }

        var metric = ParseMetric(match.Groups["metric"].Value, text, source, field);
        var op = match.Groups["op"].Value switch
        {
            "<" => ThresholdOperator.Less,
            "<=" => ThresholdOperator.LessOrEqual,
            ">" => ThresholdOperator.Greater,
            _ => ThresholdOperator.GreaterOrEqual,
        };
        var number = double.Parse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(number))
        {
            throw new InputException(source, field, $"'{Shorten(text)}' has a number out of range");
        }

        var unit = match.Groups["unit"].Value;
        var value = number * UnitFactor(metric, unit, text, source, field);
        if (value <= 0 && IsTime(metric))
        {
            // Every measured time is above zero: such a bound could never pass, so it is a typo, not a wish.
            throw new InputException(source, field, $"'{Shorten(text)}': a time bound must be greater than zero");
        }

        if (Undecidable(metric, op, value) is { } why)
        {
            // A bound every measurement meets, or none can, is never a gate: it is a typo or a misunderstanding.
            throw new InputException(source, field, $"'{Shorten(text)}' {why}");
        }

        if (metric == ThresholdMetric.Regression && op is ThresholdOperator.Greater or ThresholdOperator.GreaterOrEqual)
        {
            throw new InputException(source, field, $"'{Shorten(text)}': regression takes < or <=, e.g. regression<5%");
        }

        return new Threshold(metric, op, value, compact);
    }

    /// <summary>Parses a threshold as a user gives it on a command line or in an MSBuild property: a bare percentage such as "5%" is the regression threshold, anything else an expression.</summary>
    /// <exception cref="InputException">The text is neither.</exception>
    public static Threshold ParseShorthand(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return Parse(trimmed.EndsWith('%') && trimmed.Length > 1 && char.IsDigit(trimmed[0]) ? "regression<" + trimmed : text, source);
    }

    /// <summary>Whether <paramref name="actual"/> satisfies the expression.</summary>
    public bool IsSatisfiedBy(double actual) => Operator switch
    {
        ThresholdOperator.Less => actual < Value,
        ThresholdOperator.LessOrEqual => actual <= Value,
        ThresholdOperator.Greater => actual > Value,
        _ => actual >= Value,
    };

    /// <summary>The operator as written.</summary>
    public string OperatorText => Operator switch
    {
        ThresholdOperator.Less => "<",
        ThresholdOperator.LessOrEqual => "<=",
        ThresholdOperator.Greater => ">",
        _ => ">=",
    };

    /// <inheritdoc />
    public override string ToString() => Text;

    [GeneratedRegex(@"^(?<metric>[A-Za-z][A-Za-z0-9.]*)(?<op><=|>=|<|>)(?<number>[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?)(?<unit>[A-Za-zµμ%/]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();

    private static ThresholdMetric ParseMetric(string name, string text, string source, string? field) => name.ToLowerInvariant() switch
    {
        "mean" or "avg" => ThresholdMetric.Mean,
        "median" or "p50" or "med" => ThresholdMetric.Median,
        "p90" => ThresholdMetric.P90,
        "p95" => ThresholdMetric.P95,
        "p99" => ThresholdMetric.P99,
        "p99.9" or "p999" => ThresholdMetric.P999,
        "min" => ThresholdMetric.Min,
        "max" => ThresholdMetric.Max,
        "throughput" or "rps" => ThresholdMetric.Throughput,
        "errors" or "error_rate" or "errorrate" => ThresholdMetric.Errors,
        "allocated" or "alloc" => ThresholdMetric.Allocated,
        "hitrate" or "hit_rate" => ThresholdMetric.HitRate,
        "improvement" => ThresholdMetric.Improvement,
        "regression" => ThresholdMetric.Regression,
        _ => throw new InputException(source, field, $"'{Shorten(text)}': unknown metric '{Shorten(name)}'; known: mean, median, p90, p95, p99, p99.9, min, max, throughput, errors, allocated, hitrate, improvement, regression"),
    };

    private static double UnitFactor(ThresholdMetric metric, string unit, string text, string source, string? field)
    {
        double? factor = metric switch
        {
            ThresholdMetric.Mean or ThresholdMetric.Median or ThresholdMetric.P90 or ThresholdMetric.P95 or ThresholdMetric.P99
                or ThresholdMetric.P999 or ThresholdMetric.Min or ThresholdMetric.Max => unit switch
                {
                    "ns" => 1,
                    "us" or "µs" or "μs" => 1e3,
                    "ms" => 1e6,
                    "s" => 1e9,
                    _ => null,
                },
            ThresholdMetric.Throughput => unit is "/s" or "rps" or "ops/s" or "" ? 1 : unit == "/min" ? 1.0 / 60 : null,
            ThresholdMetric.Errors or ThresholdMetric.HitRate or ThresholdMetric.Improvement or ThresholdMetric.Regression => unit == "%" ? 0.01 : null,
            ThresholdMetric.Allocated => unit switch
            {
                "B" or "" => 1,
                "KB" or "KiB" => 1024,
                "MB" or "MiB" => 1024 * 1024,
                "GB" or "GiB" => 1024.0 * 1024 * 1024,
                _ => null,
            },
            _ => null,
        };
        return factor ?? throw new InputException(source, field, $"'{Shorten(text)}': unit '{Shorten(unit)}' does not fit {metric.ToString().ToLowerInvariant()}; {ExpectedUnits(metric)}");
    }

    /// <summary>Why a bound can never fail or never pass, or null when it can do both.</summary>
    private static string? Undecidable(ThresholdMetric metric, ThresholdOperator op, double value)
    {
        if (metric is ThresholdMetric.Regression or ThresholdMetric.Improvement)
        {
            // Neither is a plain measured value: regression is the comparison's band, improvement may be negative.
            return null;
        }

        // Every other metric is zero or more; error and hit rates are at most 100%.
        var max = metric is ThresholdMetric.Errors or ThresholdMetric.HitRate ? 1.0 : double.PositiveInfinity;
        return op switch
        {
            ThresholdOperator.Less when value <= 0 => "can never pass: no measurement is below zero",
            ThresholdOperator.GreaterOrEqual when value <= 0 => "can never fail: every measurement is zero or more",
            ThresholdOperator.Less when value > max => "can never fail: a rate is at most 100%",
            ThresholdOperator.LessOrEqual when value >= max => "can never fail: a rate is at most 100%",
            ThresholdOperator.Greater when value >= max => "can never pass: a rate is at most 100%",
            ThresholdOperator.GreaterOrEqual when value > max => "can never pass: a rate is at most 100%",
            _ => null,
        };
    }

    private static bool IsTime(ThresholdMetric metric) => metric is ThresholdMetric.Mean or ThresholdMetric.Median or ThresholdMetric.P90
        or ThresholdMetric.P95 or ThresholdMetric.P99 or ThresholdMetric.P999 or ThresholdMetric.Min or ThresholdMetric.Max;

    private static string ExpectedUnits(ThresholdMetric metric) => metric switch
    {
        ThresholdMetric.Throughput => "use /s or /min",
        ThresholdMetric.Errors or ThresholdMetric.HitRate or ThresholdMetric.Improvement or ThresholdMetric.Regression => "use %",
        ThresholdMetric.Allocated => "use B, KB, MB or GB",
        _ => "use ns, us, ms or s",
    };

    private static string Shorten(string s) => s.Length <= 60 ? s : string.Concat(s.AsSpan(0, 57), "...");
}
