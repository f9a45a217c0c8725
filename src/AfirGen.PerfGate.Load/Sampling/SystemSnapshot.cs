using System.Diagnostics;
using System.Globalization;

namespace AfirGen.PerfGate.Load.Sampling;

/// <summary>Cumulative counters read at one instant from /proc and the runtime; two snapshots make a rate.</summary>
internal readonly record struct SystemSnapshot(
    long Timestamp, long MachineBusy, long MachineTotal, TimeSpan GeneratorCpu, long GeneratorMemory,
    long? TargetCpuJiffies, long? TargetMemory, long DiskReadBytes, long DiskWriteBytes, int Gen0, int Gen1, int Gen2)
{
    // USER_HZ: the kernel reports process and machine CPU times in hundredths of a second on every Linux we run on.
    private const double JiffiesPerSecond = 100;
    private const int SectorBytes = 512;

    /// <summary>Reads every counter now; what this system does not expose reads as zero (or null for the target).</summary>
    public static SystemSnapshot Take(int? targetProcessId)
    {
        var (busy, total) = MachineCpu();
        var (read, write) = Disk();
        var (targetCpu, targetMemory) = targetProcessId is { } pid ? Process(pid) : (null, null);
        return new SystemSnapshot(
            Stopwatch.GetTimestamp(), busy, total, Environment.CpuUsage.TotalTime, Environment.WorkingSet,
            targetCpu, targetMemory, read, write, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }

    /// <summary>Machine CPU use between two snapshots, as a fraction of all cores.</summary>
    public static double MachineShare(SystemSnapshot a, SystemSnapshot b) =>
        b.MachineTotal > a.MachineTotal ? (double)(b.MachineBusy - a.MachineBusy) / (b.MachineTotal - a.MachineTotal) : 0;

    /// <summary>The generator's CPU use between two snapshots, as a fraction of all cores.</summary>
    public static double GeneratorShare(SystemSnapshot a, SystemSnapshot b) =>
        Share((b.GeneratorCpu - a.GeneratorCpu).TotalSeconds, a, b);

    /// <summary>The target's CPU use between two snapshots, as a fraction of all cores, when known.</summary>
    public static double? TargetShare(SystemSnapshot a, SystemSnapshot b) =>
        a.TargetCpuJiffies is { } x && b.TargetCpuJiffies is { } y ? Share((y - x) / JiffiesPerSecond, a, b) : null;

    private static double Share(double cpuSeconds, SystemSnapshot a, SystemSnapshot b)
    {
        var wall = (double)(b.Timestamp - a.Timestamp) / Stopwatch.Frequency;
        return wall > 0 ? Math.Max(0, cpuSeconds / (wall * Environment.ProcessorCount)) : 0;
    }

    private static (long Busy, long Total) MachineCpu()
    {
        var line = FirstLine("/proc/stat");
        if (line is null || !line.StartsWith("cpu ", StringComparison.Ordinal))
        {
            return (0, 0);
        }

        // user nice system idle iowait irq softirq steal: idle and iowait are the only idle time.
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        var total = fields.Sum();
        var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
        return (total - idle, total);
    }

    private static (long Read, long Write) Disk()
    {
        if (!File.Exists("/proc/diskstats") || !Directory.Exists("/sys/block"))
        {
            return (0, 0);
        }

        // Whole disks only (their partitions would count twice); loop and RAM devices are not disks.
        var disks = Directory.GetDirectories("/sys/block").Select(Path.GetFileName)
            .Where(n => n is not null && !n.StartsWith("loop", StringComparison.Ordinal) && !n.StartsWith("ram", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        long read = 0, write = 0;
        foreach (var line in File.ReadLines("/proc/diskstats"))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length > 9 && disks.Contains(f[2]))
            {
                read += long.Parse(f[5], CultureInfo.InvariantCulture) * SectorBytes;
                write += long.Parse(f[9], CultureInfo.InvariantCulture) * SectorBytes;
            }
        }

        return (read, write);
    }

    private static (long? CpuJiffies, long? Memory) Process(int pid)
    {
        var stat = FirstLine($"/proc/{pid}/stat");
        if (stat is null)
        {
            return (null, null);
        }

        // Fields after the command name, which may hold spaces and sits in parentheses: utime is 14th, stime 15th, rss 24th.
        var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var cpu = long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
        return (cpu, long.Parse(f[21], CultureInfo.InvariantCulture) * Environment.SystemPageSize);
    }

    private static string? FirstLine(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadLines(path).FirstOrDefault() : null;
        }
        catch (IOException)
        {
            // A process that ended between the check and the read: its counters are simply gone.
            return null;
        }
    }
}
