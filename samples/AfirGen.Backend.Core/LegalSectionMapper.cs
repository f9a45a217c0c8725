namespace AfirGen.Backend;

/// <summary>Maps a complaint to penal-code sections through a keyword table: every section whose keyword occurs, in table order.</summary>
public static class LegalSectionMapper
{
    private static readonly (string Keyword, LegalSection Section)[] Table =
    [
        ("stole", new("BNS 303", "Theft")),
        ("theft", new("BNS 303", "Theft")),
        ("snatch", new("BNS 304", "Snatching")),
        ("robbed", new("BNS 309", "Robbery")),
        ("robbery", new("BNS 309", "Robbery")),
        ("threat", new("BNS 351", "Criminal intimidation")),
        ("assault", new("BNS 115", "Voluntarily causing hurt")),
        ("hit me", new("BNS 115", "Voluntarily causing hurt")),
        ("cheat", new("BNS 318", "Cheating")),
        ("fraud", new("BNS 318", "Cheating")),
        ("house", new("BNS 331", "House-trespass or house-breaking")),
        ("break-in", new("BNS 331", "House-trespass or house-breaking")),
        ("harass", new("BNS 79", "Word, gesture or act intended to insult the modesty of a woman")),
        ("missing", new("BNSS 173", "Information in cognizable cases")),
    ];

    /// <summary>The sections <paramref name="normalizedText"/> points to, without duplicates.</summary>
    public static IReadOnlyList<LegalSection> Map(string normalizedText)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        var found = new List<LegalSection>();
        foreach (var (keyword, section) in Table)
        {
            if (normalizedText.Contains(keyword, StringComparison.OrdinalIgnoreCase) && !found.Contains(section))
            {
                found.Add(section);
            }
        }

        return found;
    }
}
