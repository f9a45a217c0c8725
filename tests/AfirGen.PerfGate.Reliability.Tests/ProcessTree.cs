using System.Globalization;

namespace AfirGen.PerfGate.Reliability.Tests;

/// <summary>
/// Processes as /proc shows them, to prove that nothing a command started outlives it. The tree is taken while the
/// tool still runs: once it exits, its orphans are re-parented and no longer look like its descendants.
/// </summary>
internal static class ProcessTree
{
    /// <summary>A process, identified by its id and start time so that a recycled id is not mistaken for it.</summary>
    public sealed record Entry(int Pid, int ParentPid, long StartTime, string CommandLine)
    {
        public override string ToString() => $"{Pid} (parent {ParentPid}): {CommandLine}";
    }

    /// <summary>Every live process (zombies excluded: they have exited and hold nothing).</summary>
    public static IReadOnlyList<Entry> All()
    {
        var list = new List<Entry>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } e)
            {
                list.Add(e);
            }
        }

        return list;
    }

    /// <summary>The processes below <paramref name="root"/>, children, grandchildren and so on.</summary>
    public static IReadOnlyList<Entry> Descendants(int root)
    {
        var all = All();
        var found = new List<Entry>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var child in all.Where(p => p.ParentPid == parent))
            {
                found.Add(child);
                frontier.Enqueue(child.Pid);
            }
        }

        return found;
    }

    /// <summary>Those of <paramref name="earlier"/> that still run (same id, same start time).</summary>
    public static IReadOnlyList<Entry> StillRunning(IEnumerable<Entry> earlier) =>
        earlier.Where(e => Read(e.Pid) is { } now && now.StartTime == e.StartTime).ToList();

    /// <summary>Live processes whose command line names something under <paramref name="directory"/>.</summary>
    public static IReadOnlyList<Entry> Under(string directory) =>
        All().Where(p => p.CommandLine.Contains(directory, StringComparison.Ordinal)).ToList();

    private static Entry? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may itself hold spaces or ')': the fields follow the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields[0] is "Z" or "X")
            {
                return null;
            }

            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return new Entry(pid, int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[19], CultureInfo.InvariantCulture), cmdline);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // it exited while we looked
        }
    }
}
