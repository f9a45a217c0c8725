using System.Text;

namespace AfirGen.Backend;

/// <summary>Normalises a complaint as typed or transcribed: one space between words, straight quotes, no control characters.</summary>
public static class ComplaintText
{
    /// <summary>The normalised text; the entity patterns and the cache key are defined over this form.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c switch
            {
                '\u2018' or '\u2019' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u2013' or '\u2014' => '-',
                _ => c,
            });
        }

        return sb.ToString();
    }
}
