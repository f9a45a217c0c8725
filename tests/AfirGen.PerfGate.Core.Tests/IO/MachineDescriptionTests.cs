using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Tests.IO;

/// <summary>A machine is described one way whether BenchmarkDotNet or perfgate itself measured it.</summary>
public sealed class MachineDescriptionTests
{
    [Theory]
    [InlineData("Linux Debian GNU/Linux 12 (bookworm)", "Debian GNU/Linux 12 (bookworm)")]
    [InlineData("Debian GNU/Linux 12 (bookworm)", "Debian GNU/Linux 12 (bookworm)")]
    [InlineData("Linux  Ubuntu 24.04.1 LTS", "Ubuntu 24.04.1 LTS")]
    [InlineData("Linux 6.1.0-27-cloud-amd64 #1 SMP", "Linux 6.1.0-27-cloud-amd64 #1 SMP")]
    [InlineData("Linux", "Linux")]
    public void OperatingSystems(string given, string expected) => Assert.Equal(expected, MachineDescription.Os(given));

    [Theory]
    [InlineData("Intel(R) Xeon(R) Processor", "Intel Xeon Processor")]
    [InlineData("Intel(R) Xeon(R) CPU @ 2.20GHz", "Intel Xeon CPU 2.20GHz (Broadwell)")]
    [InlineData("Intel(R) Core(TM) i7-2600 CPU @ 3.40GHz", "Intel Core i7-2600 CPU 3.40GHz (Sandy Bridge)")]
    [InlineData("AMD Ryzen 7 2700X Eight-Core Processor", "AMD Ryzen 7 2700X")]
    [InlineData("AMD EPYC Processor", "AMD EPYC")]
    public void ProcessorsReduceToOneNameFromProcCpuinfoAndFromBenchmarkDotNet(string cpuinfo, string benchmarkDotNet)
    {
        Assert.Equal(MachineDescription.Cpu(cpuinfo), MachineDescription.Cpu(benchmarkDotNet));
    }

    [Fact]
    public void DifferentProcessorsStayDifferent()
    {
        Assert.NotEqual(MachineDescription.Cpu("AMD EPYC 7B13"), MachineDescription.Cpu("AMD EPYC 9B14"));
        Assert.NotEqual(MachineDescription.Cpu("Intel(R) Xeon(R) Processor"), MachineDescription.Cpu("AMD EPYC Processor"));
    }

    [Fact]
    public void RuntimesLoseOnlyTheirBuildNumbers()
    {
        Assert.Equal(".NET 10.0.12", MachineDescription.Runtime(".NET 10.0.12 (10.0.12, 10.0.1226.42308)"));
        Assert.Equal(".NET 10.0.12", MachineDescription.Runtime(".NET 10.0.12"));
        Assert.NotEqual(MachineDescription.Runtime(".NET 10.0.12"), MachineDescription.Runtime(".NET 10.0.13 (10.0.13, 10.0.1326.1)"));
    }

    [Fact]
    public void ABenchmarkDotNetExportAndThisMachineDescribeTheSameMachineAlike()
    {
        // The export was made on Debian 12 with .NET 10.0.12 on an AMD EPYC; what this process reports is put in the same words.
        var export = BenchmarkDotNetReader.Read(TestData.Path("bdn", "MathBench-report-full.json")).Environment;
        var host = new EnvironmentFingerprint
        {
            Os = MachineDescription.Os("Debian GNU/Linux 12 (bookworm)"),
            Cpu = MachineDescription.Cpu("AMD EPYC Processor"),
            Cores = 2,
            Runtime = MachineDescription.Runtime(".NET 10.0.12"),
            Architecture = "X64",
        };

        Assert.Equal("Debian GNU/Linux 12 (bookworm)", export.Os);
        Assert.Equal(".NET 10.0.12", export.Runtime);
        Assert.Empty(export.Differences(host));
        // Files written before descriptions were made one compare in the same form.
        Assert.Empty(new EnvironmentFingerprint { Os = "Linux Debian GNU/Linux 12 (bookworm)", Runtime = ".NET 10.0.12 (10.0.12, 10.0.1226.42308)" }.Differences(host));
        Assert.Single(host.Differences(host with { Cpu = "Intel Xeon" }));
    }
}
