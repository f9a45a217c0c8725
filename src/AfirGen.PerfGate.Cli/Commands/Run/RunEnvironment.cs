using System.Runtime;
using System.Runtime.InteropServices;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Cli.Commands.Run;

/// <summary>The fingerprint of the machine and runtime perfgate itself runs on.</summary>
internal static class RunEnvironment
{
    public static EnvironmentFingerprint Current() => new()
    {
        Os = RuntimeInformation.OSDescription,
        Cpu = CpuModel(),
        Cores = Environment.ProcessorCount,
        Runtime = RuntimeInformation.FrameworkDescription,
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
