using System.Globalization;
using System.Text.RegularExpressions;

namespace AfirGen.PerfGate.Config.Scenarios;

/// <summary>Durations as users write them: <c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1.5s</c>.</summary>
public static partial class DurationText
{
    /// <summary>Parses a duration; <paramref name="source"/> and <paramref name="field"/> name where it came from.</summary>
    /// <exception cref="InputException">The text is not a duration.</exception>
    public static TimeSpan Parse(string text, string source, string? field)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Grammar().Match(text.Trim());
        if (!match.Success)
        {
            throw new InputException(source, field, $"'{text}' is not a duration; expected e.g. 500ms, 30s, 2m");
        }

        var number = double.Parse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        var seconds = match.Groups["unit"].Value switch
        {
            "us" => number / 1e6,
            "ms" => number / 1e3,
            "s" => number,
            "m" => number * 60,
            _ => number * 3600,
        };
        return seconds is > 0 and <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : throw new InputException(source, field, $"'{text}' is out of range (more than 0, at most 24h)");
    }

    /// <summary>Formats a duration the way <see cref="Parse"/> reads it.</summary>
    public static string Format(TimeSpan value) => value.TotalSeconds >= 1 && value.TotalSeconds % 1 == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0}s")
        : string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0.###}ms");

    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?)(?<unit>us|ms|s|m|h)$", RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
