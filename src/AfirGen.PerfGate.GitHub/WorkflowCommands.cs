using System.Text;

namespace AfirGen.PerfGate.GitHub;

/// <summary>GitHub Actions workflow commands (<c>::error file=…,title=…::message</c>), escaped so that untrusted text stays data.</summary>
public static class WorkflowCommands
{
    /// <summary>An <c>::error</c> annotation line; <paramref name="file"/> and <paramref name="title"/> are optional properties.</summary>
    public static string Error(string message, string? file = null, string? title = null) => Command("error", message, file, title);

    /// <summary>An <c>::error</c> annotation at a line of a file (a source location the locator found).</summary>
    public static string ErrorAt(string message, string file, int line, int column, string? title = null) =>
        Command("error", message, file, title, line, column);

    /// <summary>A <c>::warning</c> annotation line.</summary>
    public static string Warning(string message, string? title = null) => Command("warning", message, null, title);

    /// <summary>Escapes a command's message: <c>%</c>, CR and LF, so the whole message stays on the command's one line.</summary>
    public static string EscapeData(string? text)
    {
        var sb = new StringBuilder((text ?? "").Length);
        foreach (var ch in text ?? "")
        {
            sb.Append(ch switch
            {
                '%' => "%25",
                '\r' => "%0D",
                '\n' => "%0A",
                _ => ch.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>Escapes a command's property value: as <see cref="EscapeData"/>, and also <c>:</c> and <c>,</c>, which end a property.</summary>
    public static string EscapeProperty(string? text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static string Command(string name, string message, string? file, string? title, int line = 0, int column = 0)
    {
        var properties = new List<string>(4);
        if (!string.IsNullOrEmpty(file))
        {
            properties.Add("file=" + EscapeProperty(file));
            if (line > 0)
            {
                properties.Add("line=" + line.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (column > 0)
                {
                    properties.Add("col=" + column.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        if (!string.IsNullOrEmpty(title))
        {
            properties.Add("title=" + EscapeProperty(title));
        }

        var head = properties.Count == 0 ? "::" + name : "::" + name + " " + string.Join(',', properties);
        return head + "::" + EscapeData(message);
    }
}
