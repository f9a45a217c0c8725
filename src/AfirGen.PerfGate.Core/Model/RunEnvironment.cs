using System.Runtime;
using System.Runtime.InteropServices;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Model;

/// <summary>The fingerprint of the machine and runtime perfgate itself runs on.</summary>
public static class RunEnvironment
{
    /// <summary>The fingerprint of this process: OS, CPU model, cores, runtime, architecture and GC mode.</summary>
    public static EnvironmentFingerprint Current() => new()
    {
        Os = MachineDescription.Os(RuntimeInformation.OSDescription),
        Cpu = MachineDescription.Cpu(CpuModel()),
        Cores = Environment.ProcessorCount,
        Runtime = MachineDescription.Runtime(RuntimeInformation.FrameworkDescription),
        Architecture = RuntimeInformation.ProcessArchitecture.ToString(),
        GcMode = (GCSettings.IsServerGC ? "Server" : "Workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? "" : ", Concurrent"),
    };

    private static string? CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        return File.Exists(cpuinfo)
            ? File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
    }
}
