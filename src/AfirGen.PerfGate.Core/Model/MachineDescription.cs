using System.Text.RegularExpressions;

namespace AfirGen.PerfGate.Model;

/// <summary>
/// One way to describe a machine, whichever path measured it: BenchmarkDotNet writes "Linux Debian GNU/Linux 12
/// (bookworm)", "Intel Xeon CPU 2.20GHz (Skylake)" and ".NET 10.0.12 (10.0.12, 10.0.1226.42308)" where the runtime
/// itself says "Debian GNU/Linux 12 (bookworm)", "Intel(R) Xeon(R) CPU @ 2.20GHz" and ".NET 10.0.12".
/// </summary>
public static partial class MachineDescription
{
    /// <summary>The operating system without BenchmarkDotNet's "Linux " before the distribution's own name.</summary>
    public static string? Os(string? os)
    {
        if (os is null)
        {
            return null;
        }

        var trimmed = Spaces().Replace(os, " ").Trim();
        return trimmed.StartsWith("Linux ", StringComparison.Ordinal) && trimmed.Length > 6 && char.IsLetter(trimmed[6]) ? trimmed[6..] : trimmed;
    }

    /// <summary>
    /// The processor's brand without trademark signs, "@", a "Processor" or "8-Core Processor" suffix and a
    /// microarchitecture in parentheses, as both /proc/cpuinfo's and BenchmarkDotNet's names reduce to.
    /// </summary>
    public static string? Cpu(string? cpu)
    {
        if (cpu is null)
        {
            return null;
        }

        var name = Trademarks().Replace(cpu, " ").Replace('@', ' ');
        name = Suffix().Replace(Spaces().Replace(name, " ").Trim(), string.Empty);
        return name.Length > 0 ? name : cpu.Trim();
    }

    /// <summary>The runtime's name and version without the build numbers in parentheses.</summary>
    public static string? Runtime(string? runtime)
    {
        if (runtime is null)
        {
            return null;
        }

        var open = runtime.IndexOf(" (", StringComparison.Ordinal);
        return (open > 0 ? runtime[..open] : runtime).Trim();
    }

    /// <summary>A fingerprint with each description in its one form.</summary>
    public static EnvironmentFingerprint Canonical(EnvironmentFingerprint environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment with { Os = Os(environment.Os), Cpu = Cpu(environment.Cpu), Runtime = Runtime(environment.Runtime) };
    }

    [GeneratedRegex(@"\((?:R|TM)\)", RegexOptions.IgnoreCase)]
    private static partial Regex Trademarks();

    [GeneratedRegex(@"(?:\s+(?:\w+-Core\s+)?Processor)?(?:\s+\([^()]*\))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Suffix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
