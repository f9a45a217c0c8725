namespace AfirGen.PerfGate.Tests.Reports;

/// <summary>What every report for people must hold whatever the names, shared by the Core, GitHub and MSBuild tests.</summary>
internal static class HostileNameChecks
{
    /// <summary>One line per line, no control or bidi character, no line a runner would read as a workflow command (`::` at a line's start, `##[` anywhere).</summary>
    public static void AssertInert(string text)
    {
        Assert.DoesNotContain('\r', text);
        foreach (var ch in new[] { '\u202E', '\u202D', '\u202B', '\u2066', '\u061C', '\u200F', '\u001b', '\u0007', '\u0000', '\u000B', '\u000C', '\u0085', '\u2028', '\u2029' })
        {
            Assert.DoesNotContain(ch, text);
        }

        foreach (var line in text.Split('\n'))
        {
            Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal), line);
            // The runner honours the legacy form anywhere in a line, not only at its start.
            Assert.DoesNotContain("##[", line, StringComparison.Ordinal);
        }
    }
}
