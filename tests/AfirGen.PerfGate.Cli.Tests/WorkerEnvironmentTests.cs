using AfirGen.PerfGate.Cli.Commands;

namespace AfirGen.PerfGate.Cli.Tests;

public sealed class WorkerEnvironmentTests
{
    [Fact]
    public void TheInterleaveWorkerGetsTheRuntimeDefaultsThatTheToolsOwnConfigurationChanges()
    {
        var env = AbCommand.WorkerEnvironment(_ => null);
        Assert.Equal("1", env["DOTNET_TieredPGO"]);
        Assert.Equal("100", env["DOTNET_TC_CallCountingDelayMs"]);

        // The settings the worker undoes are the ones the tool's runtimeconfig really makes.
        var config = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "dotnet-perfgate.runtimeconfig.json"));
        Assert.Contains("\"System.Runtime.TieredPGO\": false", config, StringComparison.Ordinal);
        Assert.Contains("\"System.Runtime.TieredCompilation.CallCountingDelayMs\": 0", config, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueTheUserSetIsKept()
    {
        var env = AbCommand.WorkerEnvironment(name => name == "DOTNET_TieredPGO" ? "0" : null);
        Assert.False(env.ContainsKey("DOTNET_TieredPGO"));
        Assert.Equal("100", env["DOTNET_TC_CallCountingDelayMs"]);
    }
}
