using System.Globalization;
using System.Text;

namespace AfirGen.Backend;

/// <summary>Renders a FIR draft as a markdown document from a fixed template.</summary>
public static class FirRenderer
{
    /// <summary>The document for a complaint with its entities and sections.</summary>
    public static string Render(string normalizedText, Entities entities, IReadOnlyList<LegalSection> sections, DateOnly reportedOn)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(sections);
        var sb = new StringBuilder(normalizedText.Length + 512);
        sb.Append("# First Information Report (draft)\n\n");
        sb.Append("Reported on: ").Append(reportedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\n\n");
        List(sb, "Persons named", entities.Names);
        List(sb, "Dates of incident", entities.Dates);
        List(sb, "Places", entities.Places);
        List(sb, "Phone numbers", entities.Phones);
        sb.Append("## Sections of law\n\n");
        if (sections.Count == 0)
        {
            sb.Append("- to be determined by the officer in charge\n");
        }

        foreach (var s in sections)
        {
            sb.Append("- ").Append(s.Code).Append(": ").Append(s.Title).Append('\n');
        }

        sb.Append("\n## Statement of the complainant\n\n");
        foreach (var sentence in normalizedText.Split(". ", StringSplitOptions.RemoveEmptyEntries))
        {
            sb.Append("> ").Append(sentence.TrimEnd('.')).Append(".\n");
        }

        return sb.ToString();
    }

    private static void List(StringBuilder sb, string title, IReadOnlyList<string> items)
    {
        sb.Append("## ").Append(title).Append("\n\n");
        if (items.Count == 0)
        {
            sb.Append("- none stated\n");
        }

        foreach (var item in items)
        {
            sb.Append("- ").Append(item).Append('\n');
        }

        sb.Append('\n');
    }
}
