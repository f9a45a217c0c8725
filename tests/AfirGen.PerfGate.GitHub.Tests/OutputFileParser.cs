namespace AfirGen.PerfGate.GitHub.Tests;

/// <summary>Reads a <c>GITHUB_OUTPUT</c> file as the runner does: <c>name=value</c> lines and <c>name&lt;&lt;DELIMITER</c> blocks.</summary>
internal static class OutputFileParser
{
    public static Dictionary<string, string> Parse(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var name = line[..heredoc];
                var delimiter = line[(heredoc + 2)..];
                var value = new List<string>();
                for (i++; ; i++)
                {
                    if (i >= lines.Length)
                    {
                        throw new FormatException($"output {name}: no closing delimiter {delimiter}");
                    }

                    if (lines[i].TrimEnd('\r') == delimiter)
                    {
                        break;
                    }

                    value.Add(lines[i]);
                }

                result[name] = string.Join('\n', value);
            }
            else if (equals > 0)
            {
                result[line[..equals]] = line[(equals + 1)..];
            }
            else
            {
                throw new FormatException($"not an output line: {line}");
            }
        }

        return result;
    }
}
