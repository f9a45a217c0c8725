using System.Security.Cryptography;
using System.Text;

namespace AfirGen.PerfGate.GitHub;

/// <summary>Writes step outputs to the <c>GITHUB_OUTPUT</c> file, each in the multi-line form with a random delimiter.</summary>
public static class StepOutputs
{
    /// <summary>The text of <paramref name="outputs"/> in the <c>name&lt;&lt;DELIMITER</c> form; a value can never contain its delimiter.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var sb = new StringBuilder();
        foreach (var (name, value) in outputs)
        {
            if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            {
                throw new ArgumentException($"not an output name: {name}", nameof(outputs));
            }

            string delimiter;
            do
            {
                delimiter = "ghadelimiter_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            }
            while (value.Contains(delimiter, StringComparison.Ordinal));

            sb.Append(name).Append("<<").Append(delimiter).Append('\n')
                .Append(value.ReplaceLineEndings("\n")).Append('\n')
                .Append(delimiter).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Appends the outputs to <paramref name="path"/> (the file GitHub reads after the step).</summary>
    public static void Append(string path, IEnumerable<KeyValuePair<string, string>> outputs) =>
        File.AppendAllText(path, Format(outputs), new UTF8Encoding(false));
}
