using System.Text;
using System.Text.RegularExpressions;

namespace AfirGen.PerfGate.Load.Templates;

/// <summary>Text with <c>{name}</c> placeholders, split once into literal and variable parts so rendering is a single pass.</summary>
public sealed partial class Template
{
    private readonly (string Literal, int Variable)[] parts;

    private Template((string, int)[] parts, string? constant)
    {
        this.parts = parts;
        Constant = constant;
    }

    /// <summary>The text when it has no placeholders, else null.</summary>
    public string? Constant { get; }

    /// <summary>The literal text before the first placeholder (all of it when there is none).</summary>
    public string Prefix => parts[0].Literal;

    /// <summary>Compiles <paramref name="text"/> against the variables; unknown names stay as written.</summary>
    public static Template Compile(string text, VariableSet variables)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(variables);
        var parts = new List<(string, int)>();
        var at = 0;
        foreach (Match m in Placeholder().Matches(text))
        {
            var index = variables.IndexOf(m.Groups[1].Value);
            if (index < 0)
            {
                continue;
            }

            parts.Add((text[at..m.Index], index));
            at = m.Index + m.Length;
        }

        parts.Add((text[at..], -1));
        return new Template([.. parts], parts.Count == 1 ? text : null);
    }

    /// <summary>Renders with the picked values.</summary>
    public string Render(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (Constant is not null)
        {
            return Constant;
        }

        var sb = new StringBuilder();
        foreach (var (literal, variable) in parts)
        {
            sb.Append(literal);
            if (variable >= 0)
            {
                sb.Append(VariableSet.Text(values[variable]));
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
