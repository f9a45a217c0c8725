namespace AfirGen.Backend;

/// <summary>Checks that a normalised complaint can become a FIR: long enough, not too long, with a date and a place.</summary>
public static class ComplaintValidator
{
    /// <summary>The shortest complaint accepted, in characters.</summary>
    public const int MinLength = 40;

    /// <summary>The longest complaint accepted, in characters.</summary>
    public const int MaxLength = 20_000;

    /// <summary>Validates <paramref name="normalizedText"/> with the entities already extracted from it.</summary>
    public static ValidationResult Validate(string normalizedText, Entities entities)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        ArgumentNullException.ThrowIfNull(entities);
        var problems = new List<string>();
        if (normalizedText.Length < MinLength)
        {
            problems.Add($"the complaint is shorter than {MinLength} characters");
        }

        if (normalizedText.Length > MaxLength)
        {
            problems.Add($"the complaint is longer than {MaxLength} characters");
        }

        if (entities.Dates.Count == 0)
        {
            problems.Add("no date of the incident (e.g. 12/03/2024 or 12 March 2024)");
        }

        if (entities.Places.Count == 0)
        {
            problems.Add("no place of the incident (e.g. \"at Central Market\")");
        }

        return new ValidationResult(problems);
    }

    /// <summary>Normalises, extracts and validates a raw complaint.</summary>
    public static ValidationResult Validate(string text)
    {
        var normalized = ComplaintText.Normalize(text);
        return Validate(normalized, EntityExtractor.Extract(normalized));
    }
}
