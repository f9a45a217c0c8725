using System.Text.RegularExpressions;

namespace AfirGen.Backend;

/// <summary>Finds names, dates, places and phone numbers in a normalised complaint with regular expressions.</summary>
public static partial class EntityExtractor
{
    /// <summary>The entities of <paramref name="text"/>, each list without duplicates.</summary>
    public static Entities Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Entities(
            Distinct(NamePattern().Matches(text), "name"),
            Distinct(DatePattern().Matches(text), "date"),
            Distinct(PlacePattern().Matches(text), "place"),
            Distinct(PhonePattern().Matches(text), "phone", digitsOnly: true));
    }

    private static List<string> Distinct(MatchCollection matches, string group, bool digitsOnly = false)
    {
        var list = new List<string>();
        foreach (Match m in matches)
        {
            var value = m.Groups[group].Value;
            if (digitsOnly)
            {
                value = string.Concat(value.Where(char.IsAsciiDigit));
            }

            if (!list.Contains(value, StringComparer.Ordinal))
            {
                list.Add(value);
            }
        }

        return list;
    }

    [GeneratedRegex(@"\b(?:Mr|Mrs|Ms|Shri|Smt|Dr)\.? (?<name>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"\b(?<date>\d{1,2}[/-]\d{1,2}[/-]\d{4}|\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b(?:at|in|near) (?<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,3})", RegexOptions.CultureInvariant)]
    private static partial Regex PlacePattern();

    [GeneratedRegex(@"(?<phone>(?:\+91[ -]?)?[6-9]\d{4}[ -]?\d{5})\b", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
